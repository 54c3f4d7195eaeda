package io.sightline.boot.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SightlineMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class,
				SightlineMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders", "sightline.environment=staging",
				"sightline.release.id=r-7");

	@Test
	void everyMeterCarriesApplicationAndEnv() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			registry.counter("orders.placed").increment();
			Meter.Id id = registry.get("orders.placed").counter().getId();
			assertThat(id.getTag("application")).isEqualTo("orders");
			assertThat(id.getTag("env")).isEqualTo("staging");
		});
	}

	@Test
	void publishesReleaseInfo() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sightline.release.info").tag("release_id", "r-7").gauge().value()).isEqualTo(1.0);
			assertThat(registry.get("sightline.release.info").gauge().getId().getTag("version")).isEqualTo("1.2.3-it");
		});
	}

	@Test
	void releaseInfoCanBeTurnedOff() {
		this.runner.withPropertyValues("sightline.metrics.release-info=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("sightline.release.info").gauge())
				.isNull());
	}

	@Test
	void httpTimersGetSloBuckets() {
		this.runner.withPropertyValues("sightline.metrics.slo-buckets=100ms,300ms").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = Timer.builder("http.server.requests").tag("uri", "/x").register(registry);
			timer.record(Duration.ofMillis(200));
			CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
			assertThat(buckets).extracting((b) -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS))
				.containsExactly(100.0, 300.0);
			Timer other = Timer.builder("other.timer").register(registry);
			assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
		});
	}

	@Test
	void cardinalityGuardIsInstalledOnTheRegistry() {
		this.runner.withPropertyValues("sightline.metrics.max-series-per-meter=5").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (int i = 0; i < 50; i++) {
				registry.counter("ids", "id", "v" + i);
			}
			assertThat(registry.find("ids").counters()).hasSize(5);
			assertThat(registry.get(CardinalityGuard.DENIED_METER).tag("meter", "ids").functionCounter().count())
				.isEqualTo(45);
		});
	}

	@Test
	void sloBucketsAreAddedToBootsOwnSloSettings() {
		this.runner
			.withPropertyValues("sightline.metrics.slo-buckets=100ms",
					"management.metrics.distribution.slo.http.server.requests=42ms")
			.run((context) -> {
				Timer timer = Timer.builder("http.server.requests").register(context.getBean(MeterRegistry.class));
				assertThat(timer.takeSnapshot().histogramCounts())
					.extracting((b) -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS))
					.containsExactly(42.0, 100.0);
			});
	}

	@Test
	void invalidSloBucketFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("sightline.metrics.slo-buckets=0ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("sightline.metrics.slo-buckets");
		});
	}

	@Test
	void removedMetersFreeTheirSlot() {
		this.runner.withPropertyValues("sightline.metrics.max-series-per-meter=1").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			registry.remove(registry.counter("jobs", "job", "a"));
			registry.counter("jobs", "job", "b");
			assertThat(registry.find("jobs").tag("job", "b").counter()).isNotNull();
		});
	}

	@Test
	void userBeansReplaceOurs() {
		this.runner.withUserConfiguration(UserFilters.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			registry.counter("x").increment();
			assertThat(registry.get("x").counter().getId().getTag("application")).isNull();
			assertThat(registry.get("x").counter().getId().getTag("team")).isEqualTo("payments");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilters {

		@Bean
		MeterFilter sightlineCommonTags() {
			return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("team", "payments"));
		}

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
