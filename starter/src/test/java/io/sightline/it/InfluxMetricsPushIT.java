package io.sightline.it;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.influx.InfluxMeterRegistry;
import io.sightline.boot.metrics.push.InfluxPushAutoConfiguration;
import io.sightline.boot.metrics.push.PushFailureTracker;
import io.sightline.it.support.VictoriaMetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.influx.InfluxMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Metrics push with Micrometer's influx registry, configured only through Boot's own
 * {@code management.influx.metrics.export.*}: the v1 API against a real InfluxDB 1.6.7, the v2 API
 * against a real VictoriaMetrics (which accepts Influx line protocol on /api/v2/write). Both go through
 * Sightline's counting sender; the outage test runs a whole application, so Sightline's logging defaults apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfluxMetricsPushIT {

	private static final String REGISTRY_ERROR = "failed to send metrics to influx";

	private static final String OUTAGE_WARNING = "Cannot push metrics to influx";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, InfluxPushAutoConfiguration.class,
				InfluxMetricsExportAutoConfiguration.class))
		.withPropertyValues("management.influx.metrics.export.step=1s");

	@Test
	void v1PushesCountersToInfluxDb(@TempDir Path dir) throws Exception {
		assumeTrue(InfluxdServer.binary() != null, "influxd not installed (apt-get install influxdb)");
		try (InfluxdServer influx = InfluxdServer.start(dir)) {
			influx.query(null, "CREATE DATABASE sightline_it");
			this.runner
				.withPropertyValues("management.influx.metrics.export.uri=" + influx.url(),
						"management.influx.metrics.export.api-version=v1",
						"management.influx.metrics.export.db=sightline_it",
						"management.influx.metrics.export.auto-create-db=false")
				.run((context) -> {
					assertThat(context).hasSingleBean(InfluxMeterRegistry.class);
					MeterRegistry registry = context.getBean(InfluxMeterRegistry.class);
					registry.counter("sightline.it.pushed", "route", "v1").increment(3);
					await().atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(500))
						.untilAsserted(() -> assertThat(
								influx.query("sightline_it", "SELECT * FROM sightline_it_pushed"))
							.as("points of sightline_it_pushed")
							.contains("\"route\"")
							.contains("\"v1\"")
							.contains("\"metric_type\"")
							.containsPattern(",3(\\.0)?\\]"));
				});
		}
	}

	@Test
	void v2PushesCountersToVictoriaMetrics(@TempDir Path dir) throws Exception {
		assumeTrue(VictoriaMetricsServer.binary() != null,
				"victoria-metrics not installed (apt-get install victoria-metrics)");
		try (VictoriaMetricsServer victoria = VictoriaMetricsServer.start(dir)) {
			this.runner
				.withPropertyValues("management.influx.metrics.export.uri=" + victoria.url(),
						"management.influx.metrics.export.api-version=v2",
						"management.influx.metrics.export.org=sightline",
						"management.influx.metrics.export.bucket=metrics",
						"management.influx.metrics.export.token=unused-by-victoria-metrics")
				.run((context) -> {
					MeterRegistry registry = context.getBean(InfluxMeterRegistry.class);
					registry.counter("sightline.it.pushed", "route", "v2").increment(5);
					await().atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(500))
						.untilAsserted(() -> assertThat(victoria.export("sightline_it_pushed.*"))
							.contains("\"__name__\":\"sightline_it_pushed_value\"")
							.contains("\"route\":\"v2\"")
							.containsPattern("\"values\":\\[[^\\]]*\\b5(\\.0)?\\b"));
				});
		}
	}

	@Test
	void influxDownDropsAreCountedTheOutageIsLoggedOnceAndPushesResume(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		assumeTrue(VictoriaMetricsServer.binary() != null,
				"victoria-metrics not installed (apt-get install victoria-metrics)");
		try (VictoriaMetricsServer victoria = VictoriaMetricsServer.start(dir)) {
			SpringApplication application = new SpringApplication(PushingApp.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			try (ConfigurableApplicationContext context = application.run("--spring.application.name=push-it",
					"--management.influx.metrics.export.uri=" + victoria.url(),
					"--management.influx.metrics.export.api-version=v2",
					"--management.influx.metrics.export.org=sightline",
					"--management.influx.metrics.export.bucket=metrics",
					"--management.influx.metrics.export.token=unused-by-victoria-metrics",
					"--management.influx.metrics.export.step=1s")) {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				PushFailureTracker failures = context.getBean(PushFailureTracker.class);
				registry.counter("sightline.it.outage", "phase", "before").increment();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertThat(victoria.export("sightline_it_outage.*")).contains("\"phase\":\"before\""));

				victoria.stop();
				await().atMost(Duration.ofSeconds(20)).until(() -> failures.dropped() > 0);
				long afterFirstFailure = failures.dropped();
				await().atMost(Duration.ofSeconds(20)).until(() -> failures.dropped() > afterFirstFailure);
				assertThat(registry.find(PushFailureTracker.DROPPED_METER).tag("registry", "influx")
					.tag("reason", "unreachable").functionCounter().count()).isGreaterThan(afterFirstFailure - 1);
				assertThat(failures.isInOutage()).isTrue();
				assertThat(output.getAll()).as("the registry's own per-push error").doesNotContain(REGISTRY_ERROR)
					.containsOnlyOnce(OUTAGE_WARNING);

				victoria.start();
				registry.counter("sightline.it.outage", "phase", "after").increment();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertThat(victoria.export("sightline_it_outage.*")).contains("\"phase\":\"after\""));
				await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isInOutage());
				assertThat(output.getAll()).containsOnlyOnce(OUTAGE_WARNING)
					.contains("Pushing metrics to influx at " + victoria.url() + " again")
					.doesNotContain(REGISTRY_ERROR);
			}
		}
	}

	@EnableAutoConfiguration
	static class PushingApp {

	}

}
