package io.sightline.boot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Uniform metrics: application/env common tags, SLO-bucket HTTP histograms, the release-info gauge and
 * the cardinality guard.
 */
@AutoConfiguration(before = MetricsAutoConfiguration.class, after = IdentityAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class SightlineMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "sightlineCommonTags")
	@Order(0)
	MeterFilter sightlineCommonTags(SightlineIdentity identity) {
		return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("application", identity.serviceName(),
				"env", identity.environment()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "sightlineSloHistograms")
	MeterFilter sightlineSloHistograms(MetricsProperties properties) {
		return new SloHistogramMeterFilter(properties.getSloBuckets());
	}

	@Bean
	@ConditionalOnMissingBean(name = "sightlineCardinalityGuard")
	MeterRegistryCustomizer<MeterRegistry> sightlineCardinalityGuard(MetricsProperties properties) {
		int max = properties.getMaxSeriesPerMeter();
		return (registry) -> {
			// Filters reach the composite's children; guarding each child keeps counts per store.
			if (!(registry instanceof CompositeMeterRegistry)) {
				CardinalityGuard guard = new CardinalityGuard(registry, max);
				registry.config().meterFilter(guard).onMeterRemoved((meter) -> guard.release(meter.getId()));
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean(name = "sightlineReleaseInfo")
	@ConditionalOnBooleanProperty(name = "sightline.metrics.release-info", matchIfMissing = true)
	MeterBinder sightlineReleaseInfo(SightlineIdentity identity) {
		return (registry) -> Gauge.builder("sightline.release.info", () -> 1)
			.description("Always 1; labels carry the version and release id, for per-release joins")
			.tag("version", identity.version())
			.tag("release_id", identity.releaseId())
			.strongReference(true)
			.register(registry);
	}

}
