package io.sightline.boot.servicegraph;

import java.time.Duration;
import java.util.Arrays;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Keeps the service-graph histogram small whatever the global distribution settings are (e.g.
 * management.metrics.distribution.percentiles-histogram.all=true): the SLO buckets only, no percentile
 * histogram, no client-side percentiles. Registered last, so that it wins over property-based filters.
 */
class ServiceGraphHistogramMeterFilter implements MeterFilter {

	private final double[] bucketsNanos;

	ServiceGraphHistogramMeterFilter(Duration[] buckets) {
		this.bucketsNanos = Arrays.stream(buckets).mapToDouble(Duration::toNanos).sorted().distinct().toArray();
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() != Meter.Type.TIMER || !ServiceGraphMeters.DURATION.equals(id.getName())) {
			return config;
		}
		return DistributionStatisticConfig.builder()
			.percentilesHistogram(false)
			.percentiles()
			.serviceLevelObjectives(this.bucketsNanos)
			.build()
			.merge(config);
	}

}
