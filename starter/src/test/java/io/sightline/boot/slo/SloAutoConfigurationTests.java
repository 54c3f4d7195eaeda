package io.sightline.boot.slo;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.boot.metrics.SightlineMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class SloAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class,
				SightlineMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SloAutoConfiguration.class));

	@Test
	void backsOffQuietlyWithoutASpec() {
		this.runner.withPropertyValues("spring.application.name=no-spec").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SloMonitor.class).doesNotHaveBean("sloHealthIndicator");
			assertThat(context.getBean(MeterRegistry.class).find(SloMonitor.BURN_RATE).gauges()).isEmpty();
		});
		this.runner.withPropertyValues("spring.application.name=slo-app", "sightline.slo.spec=file:/nonexistent/x.yml")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SloMonitor.class));
	}

	@Test
	void readsTheSpecNamedAfterTheApplicationAndRegistersGaugesPerSloAndWindow() {
		this.runner.withPropertyValues("spring.application.name=slo-app").run((context) -> {
			assertThat(context).hasSingleBean(SloMonitor.class).hasBean("sloHealthIndicator");
			assertThat(context.getBean("sloHealthIndicator")).isInstanceOf(SloHealthIndicator.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry).isInstanceOf(PrometheusMeterRegistry.class);
			for (String slo : List.of("availability", "latency", "saga-success")) {
				for (String window : List.of("5m", "1h")) {
					assertThat(registry.find(SloMonitor.BURN_RATE).tags("slo", slo, "window", window).gauge())
						.as("%s %s", slo, window)
						.isNotNull();
					assertThat(registry.find(SloMonitor.ERROR_RATIO).tags("slo", slo, "window", window).gauge())
						.isNotNull();
				}
			}
			// the events SLI is PromQL: Prometheus evaluates it
			assertThat(registry.find(SloMonitor.BURN_RATE).gauges()).hasSize(6);
			assertThat(registry.find(SloMonitor.BURN_RATE).tag("slo", "checkout-events").gauges()).isEmpty();
			// the common tags of the starter apply to ours too
			assertThat(registry.get(SloMonitor.BURN_RATE).tag("slo", "availability").gauge().getId().getTag("application"))
				.isEqualTo("slo-app");
			assertThat(context.getBean(SloMonitor.class).isRunning()).isTrue();
		});
	}

	@Test
	void promQlSlisAreAnnouncedOnce(CapturedOutput output) {
		this.runner.withPropertyValues("spring.application.name=slo-app")
			.run((context) -> assertThat(output).containsOnlyOnce("SLOs [checkout-events] of service slo-app use "
					+ "PromQL SLIs (events or raw); Prometheus evaluates them"));
	}

	@Test
	void aSpecForAnotherServiceIsAWarning(CapturedOutput output) {
		this.runner.withPropertyValues("spring.application.name=other", "sightline.slo.spec=classpath:slo/slo-app.yml")
			.run((context) -> {
				assertThat(context).hasSingleBean(SloMonitor.class);
				assertThat(output).contains("WARN")
					.contains("is for service 'slo-app' but spring.application.name is 'other'");
			});
	}

	@Test
	void anInvalidSpecFailsStartupNamingThePropertyAndEveryProblem() {
		this.runner
			.withPropertyValues("spring.application.name=slo-app", "sightline.slo.spec=classpath:slo/invalid-threshold.yml")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(io.sightline.slo.spec.InvalidSpecException.class);
				assertThat(context.getStartupFailure()).hasStackTraceContaining("sightline.slo.spec")
					.hasStackTraceContaining("classpath:slo/invalid-threshold.yml")
					.hasStackTraceContaining("slos[0].sli.http_latency.threshold: 300ms is not a latency bucket")
					.hasStackTraceContaining("slos[1].objective");
				FailureAnalysis analysis = new InvalidSloSpecFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("'sightline.slo.spec'")
					.contains("classpath:slo/invalid-threshold.yml")
					.contains("300ms is not a latency bucket the starter publishes")
					.contains("objective must be strictly between 0 and 100");
				assertThat(analysis.getAction()).contains("sightline.slo.enabled=false");
			});
	}

	@Test
	void latencyThresholdsAreCheckedAgainstTheBucketsTheStarterPublishes() {
		this.runner.withPropertyValues("spring.application.name=slo-app", "sightline.slo.spec=classpath:slo/latency-300ms.yml")
			.run((context) -> assertThat(context).hasFailed());
		this.runner
			.withPropertyValues("spring.application.name=slo-app", "sightline.slo.spec=classpath:slo/latency-300ms.yml",
					"sightline.metrics.slo-buckets=100ms,300ms")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SloMonitor.class));
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("spring.application.name=slo-app", "sightline.slo.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SloMonitor.class));
		// an invalid spec does not matter then
		this.runner
			.withPropertyValues("spring.application.name=slo-app", "sightline.slo.enabled=false",
					"sightline.slo.spec=classpath:slo/invalid-threshold.yml")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void healthIndicatorFollowsManagementHealthSloEnabled() {
		this.runner.withPropertyValues("spring.application.name=slo-app", "management.health.slo.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SloMonitor.class).doesNotHaveBean("sloHealthIndicator"));
	}

	@Test
	void needsAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, SloAutoConfiguration.class))
			.withPropertyValues("spring.application.name=slo-app")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SloMonitor.class));
	}

	@Test
	void invalidPropertiesFailNamingTheProperty() {
		for (String[] property : new String[][] { { "sightline.slo.sample-interval=500ms", "sightline.slo.sample-interval" },
				{ "sightline.slo.sample-interval=2m", "sightline.slo.sample-interval" },
				{ "sightline.slo.period=1d", "sightline.slo.period" } }) {
			this.runner.withPropertyValues("spring.application.name=slo-app", property[0]).run((context) -> {
				assertThat(context).as(property[0]).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining(property[1]);
			});
		}
	}

	@Test
	void aFullStartupReportsTheInvalidSpecThroughTheFailureAnalyzer(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.application.name=slo-app",
				"--sightline.slo.spec=classpath:slo/invalid-threshold.yml", "--sightline.logging.console=text",
				"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The SLO spec classpath:slo/invalid-threshold.yml (property 'sightline.slo.spec') is invalid")
			.contains("300ms is not a latency bucket")
			.contains("sightline.slo.enabled=false");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
