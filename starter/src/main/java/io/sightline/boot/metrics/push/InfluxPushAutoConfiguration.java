package io.sightline.boot.metrics.push;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.ConditionalOnEnabledMetricsExport;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.influx.InfluxMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.influx.InfluxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's influx registry, configured by Boot's own {@code management.influx.metrics.export.*}, with one
 * difference: its HTTP sender counts the points of failed pushes in
 * {@code sightline_metrics_push_dropped_total{registry="influx"}} and logs an outage once. The registry's
 * own per-push ERROR line is switched off by Sightline's defaults
 * ({@code logging.level.io.micrometer.influx.InfluxMeterRegistry=off}, overridable). Backs off when the
 * application defines its own {@link InfluxMeterRegistry}.
 */
@AutoConfiguration(before = InfluxMetricsExportAutoConfiguration.class, after = MetricsAutoConfiguration.class)
@ConditionalOnClass(InfluxMeterRegistry.class)
@ConditionalOnBean(Clock.class)
@ConditionalOnEnabledMetricsExport("influx")
@EnableConfigurationProperties(InfluxProperties.class)
public class InfluxPushAutoConfiguration {

	static final String REGISTRY = "influx";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(InfluxMeterRegistry.class)
	static class CountingInfluxRegistryConfiguration {

		@Bean
		PushFailureTracker sightlineInfluxPushFailures(InfluxProperties properties) {
			return new PushFailureTracker(REGISTRY, properties.getUri());
		}

		@Bean
		InfluxMeterRegistry influxMeterRegistry(InfluxConfig influxConfig, Clock clock, InfluxProperties properties,
				PushFailureTracker sightlineInfluxPushFailures) {
			HttpUrlConnectionSender sender = new HttpUrlConnectionSender(properties.getConnectTimeout(),
					properties.getReadTimeout());
			return InfluxMeterRegistry.builder(influxConfig)
				.clock(clock)
				.httpClient(new FailureCountingHttpSender(sender, sightlineInfluxPushFailures))
				.build();
		}

	}

}
