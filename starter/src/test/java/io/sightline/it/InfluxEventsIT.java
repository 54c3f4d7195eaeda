package io.sightline.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.boot.events.InfluxEventWriter;
import io.sightline.boot.events.InfluxEventsAutoConfiguration;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.it.support.VictoriaMetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deployment events written with influxdb-client-java to a real VictoriaMetrics (/api/v2/write), and what
 * happens while it is down: publishing never blocks, drops are counted, one WARN per outage, and writes
 * resume when it is back on the same port.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfluxEventsIT {

	private static final String OUTAGE_WARNING = "Cannot write Sightline events to InfluxDB";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, InfluxEventsAutoConfiguration.class))
		.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults)
		.withPropertyValues("spring.application.name=orders", "sightline.environment=it",
				"sightline.release.id=r-it-42", "sightline.events.influx.enabled=true",
				"sightline.events.influx.org=sightline", "sightline.events.influx.bucket=events",
				"sightline.events.influx.token=unused", "sightline.events.influx.batch-size=10",
				"sightline.events.influx.flush-interval=200ms", "sightline.events.influx.buffer-limit=50",
				"sightline.events.influx.retry-interval=200ms", "sightline.events.influx.max-retry-delay=1s");

	@Test
	void releaseStartedIsWrittenWithTheIdentityTags(@TempDir Path dir) throws Exception {
		runReadyAgainstVictoria(dir, (context, victoria) -> {
			awaitEvents(victoria, (events) -> assertThat(events).contains("\"__name__\":\"sightline_events_value\"")
				.contains("\"kind\":\"release\"")
				.contains("\"phase\":\"started\"")
				.contains("\"service\":\"orders\"")
				.contains("\"env\":\"it\"")
				.contains("\"release_id\":\"r-it-42\""));
			// a breaker registered after startup is watched too
			CircuitBreaker late = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("late");
			late.transitionToOpenState();
			awaitEvents(victoria, (events) -> assertThat(events).contains("\"kind\":\"circuit_breaker\"")
				.contains("\"name\":\"late\"")
				.contains("\"to\":\"OPEN\"")
				.contains("\"from\":\"CLOSED\""));
		});
	}

	@Test
	void influxDownNeitherFailsNorBlocksCountsDropsWarnsOnceAndResumes(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		runReadyAgainstVictoria(dir, (context, victoria) -> {
			awaitEvents(victoria, (events) -> assertThat(events).contains("\"phase\":\"started\""));

			victoria.stop();
			CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("payments");
			AtomicLong maxNanos = new AtomicLong();
			Thread load = new Thread(() -> {
				for (int i = 0; i < 200; i++) {
					long start = System.nanoTime();
					if (i % 2 == 0) {
						breaker.transitionToOpenState();
					}
					else {
						breaker.transitionToClosedState();
					}
					maxNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
					sleep(15);
				}
			}, "breaker-flapping");
			load.start();
			load.join(60_000);
			assertThat(load.isAlive()).isFalse();
			assertThat(Duration.ofNanos(maxNanos.get())).as("slowest publish").isLessThan(Duration.ofMillis(50));

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(dropped(meters)).as("sightline.events.dropped").isGreaterThan(0));
			assertThat(context.getBean(InfluxEventWriter.class).isInOutage()).isTrue();
			assertThat(count(output.getAll(), OUTAGE_WARNING)).as("WARN lines in the outage").isEqualTo(1);
			assertThat(output.getAll()).doesNotContain("The retriable error occurred")
				.doesNotContain("Backpressure[");

			victoria.start();
			breaker.transitionToForcedOpenState();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(victoria.export("sightline_events.*"))
					.contains("\"to\":\"FORCED_OPEN\""));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(context.getBean(InfluxEventWriter.class).isInOutage()).isFalse());
			assertThat(count(output.getAll(), OUTAGE_WARNING)).isEqualTo(1);
			assertThat(output.getAll()).contains("Writing Sightline events to InfluxDB at " + victoria.url() + " again");
		});
	}

	/**
	 * Runs the context against a fresh VictoriaMetrics as the events' InfluxDB, once the application is
	 * ready; skipped where VictoriaMetrics is not installed.
	 */
	private void runReadyAgainstVictoria(Path dir, ContextAgainstVictoria test) throws Exception {
		assumeTrue(VictoriaMetricsServer.binary() != null,
				"victoria-metrics not installed (apt-get install victoria-metrics)");
		try (VictoriaMetricsServer victoria = VictoriaMetricsServer.start(dir)) {
			this.runner.withPropertyValues("sightline.events.influx.url=" + victoria.url()).run((context) -> {
				ready(context);
				test.run(context, victoria);
			});
		}
	}

	/** Waits until the events stored in VictoriaMetrics pass the assertion. */
	private static void awaitEvents(VictoriaMetricsServer victoria, ThrowingConsumer<String> assertion) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertion.accept(victoria.export("sightline_events.*")));
	}

	private static void ready(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private static double dropped(MeterRegistry meters) {
		return meters.find(InfluxEventWriter.DROPPED_METER).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static int count(String text, String needle) {
		Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface ContextAgainstVictoria {

		void run(AssertableApplicationContext context, VictoriaMetricsServer victoria) throws Throwable;

	}

}
