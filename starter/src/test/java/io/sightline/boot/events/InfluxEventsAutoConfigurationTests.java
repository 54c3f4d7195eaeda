package io.sightline.boot.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.influxdb.client.InfluxDBClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.ContextClosedEvent;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxEventsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, InfluxEventsAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders", "sightline.environment=test",
				"sightline.release.id=r-42");

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(InfluxEventWriter.class);
			assertThat(context).doesNotHaveBean(ReleaseEventListener.class);
		});
	}

	@Test
	void enabledWithoutContactingInfluxAtStartup() {
		this.runner.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
			.withPropertyValues("sightline.events.influx.enabled=true", "sightline.events.influx.url=http://127.0.0.1:9")
			.run((context) -> {
				assertThat(context).hasSingleBean(InfluxEventWriter.class);
				assertThat(context).hasSingleBean(ReleaseEventListener.class);
				assertThat(context).hasSingleBean(CircuitBreakerEventBinder.class);
				assertThat(context).hasSingleBean(HealthStatusEventPoller.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find(InfluxEventWriter.DROPPED_METER).tag("reason", "backpressure").counter())
					.isNotNull();
				assertThat(meters.find(InfluxEventWriter.DROPPED_METER).tag("reason", "write_error").counter())
					.isNotNull();
				assertThat(meters.find(InfluxEventWriter.RETRIED_METER).counter()).isNotNull();
			});
	}

	@Test
	void backsOffWithoutTheInfluxClient() {
		this.runner.withClassLoader(new FilteredClassLoader(InfluxDBClient.class))
			.withPropertyValues("sightline.events.influx.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InfluxEventWriter.class));
	}

	@Test
	void withoutResilience4jThereIsNoBreakerBinder() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class))
			.withPropertyValues("sightline.events.influx.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InfluxEventWriter.class)
				.doesNotHaveBean(CircuitBreakerEventBinder.class));
	}

	@Test
	void invalidSettingsFailStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("sightline.events.influx.enabled=true", "sightline.events.influx.url=localhost:8086",
					"sightline.events.influx.bucket= ", "sightline.events.influx.batch-size=100",
					"sightline.events.influx.buffer-limit=10", "sightline.events.influx.flush-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sightline.events.influx.url")
				.hasMessageContaining("sightline.events.influx.bucket")
				.hasMessageContaining("sightline.events.influx.buffer-limit")
				.hasMessageContaining("sightline.events.influx.flush-interval"));
	}

	@Test
	void invalidSettingsAreIgnoredWhileDisabled() {
		this.runner.withPropertyValues("sightline.events.influx.url=nonsense", "sightline.events.influx.batch-size=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void pointsCarryTheIdentityTagsAndTheEventFields() {
		this.runner.withPropertyValues("sightline.events.influx.enabled=true").run((context) -> {
			InfluxEventWriter writer = context.getBean(InfluxEventWriter.class);
			SightlineEvent event = new SightlineEvent("circuit_breaker", "breaker payments OPEN", "a \"quoted\" text",
					2, java.util.Map.of("name", "payments", "from", "CLOSED", "to", "OPEN"));
			String line = writer.toPoint(event, Instant.ofEpochMilli(1_700_000_000_000L)).toLineProtocol();
			assertThat(line).startsWith("sightline_events,")
				.contains("env=test")
				.contains("kind=circuit_breaker")
				.contains("name=payments")
				.contains("release_id=r-42")
				.contains("service=orders")
				.contains("to=OPEN")
				.contains("title=\"breaker payments OPEN\"")
				.contains("text=\"a \\\"quoted\\\" text\"")
				.contains("value=2")
				.endsWith(" 1700000000000");
		});
	}

	@Test
	void releaseEventsOnReadyAndOnClose() {
		List<SightlineEvent> events = new ArrayList<>();
		SightlineIdentity identity = new SightlineIdentity("orders", "test", "1.2.3", "r-42", "i-1");
		ReleaseEventListener listener = new ReleaseEventListener(events::add, identity);
		this.runner.run((context) -> listener.onApplicationEvent(new ContextClosedEvent(context)));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.kind()).isEqualTo(SightlineEvent.RELEASE);
			assertThat(event.title()).isEqualTo("release stopped");
			assertThat(event.tags()).containsEntry("version", "1.2.3").containsEntry("phase", "stopped");
			assertThat(event.text()).contains("r-42");
		});
	}

	@Test
	void everyBreakerTransitionIncludingBreakersAddedLater() {
		List<SightlineEvent> events = new CopyOnWriteArrayList<>();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		CircuitBreaker early = registry.circuitBreaker("early");
		CircuitBreakerEventBinder binder = new CircuitBreakerEventBinder(events::add, null);
		binder.bind(registry);
		early.transitionToOpenState();
		registry.circuitBreaker("late").transitionToForcedOpenState();
		assertThat(events).extracting(SightlineEvent::tags)
			.containsExactly(java.util.Map.of("name", "early", "from", "CLOSED", "to", "OPEN"),
					java.util.Map.of("name", "late", "from", "CLOSED", "to", "FORCED_OPEN"));
		assertThat(events).allSatisfy((event) -> assertThat(event.kind()).isEqualTo(SightlineEvent.CIRCUIT_BREAKER));
	}

	@Test
	void healthChangesAfterTheBaselineAreEvents() {
		List<SightlineEvent> events = new ArrayList<>();
		Iterator<String> statuses = List.of("UP", "UP", "DOWN", "DOWN", "UP").iterator();
		HealthStatusEventPoller poller = new HealthStatusEventPoller(events::add, statuses::next,
				java.time.Duration.ofSeconds(5));
		for (int i = 0; i < 5; i++) {
			poller.poll();
		}
		assertThat(events).extracting(SightlineEvent::tags)
			.containsExactly(java.util.Map.of("from", "UP", "to", "DOWN"), java.util.Map.of("from", "DOWN", "to", "UP"));
		assertThat(events).allSatisfy((event) -> assertThat(event.kind()).isEqualTo(SightlineEvent.HEALTH));
	}

}
