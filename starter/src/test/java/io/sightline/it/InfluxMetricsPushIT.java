package io.sightline.it;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.influx.InfluxMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.influx.InfluxMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Metrics push with Micrometer's influx registry, configured only through Boot's own
 * {@code management.influx.metrics.export.*}: the v1 API against a real InfluxDB 1.6.7, the v2 API
 * against a real VictoriaMetrics (which accepts Influx line protocol on /api/v2/write).
 */
class InfluxMetricsPushIT {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
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

}
