package io.sightline.boot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.stream.DoubleStream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.sightline.slo.HttpServerMetrics;

/**
 * Publishes HTTP server and client timers as histograms whose buckets are the SLO thresholds, so a
 * latency SLI can be read straight from {@code _bucket{le="<threshold>"}} and exemplars attach to them.
 */
class SloHistogramMeterFilter implements MeterFilter {

	static final List<String> HTTP_TIMERS = List.of(HttpServerMetrics.METER, "http.client.requests");

	private final double[] bucketsNanos;

	SloHistogramMeterFilter(List<Duration> buckets) {
		this.bucketsNanos = buckets.stream().mapToDouble(Duration::toNanos).sorted().distinct().toArray();
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() != Meter.Type.TIMER || !HTTP_TIMERS.contains(id.getName())) {
			return config;
		}
		// Union with SLOs configured elsewhere (management.metrics.distribution.slo.*), never instead of them.
		double[] existing = config.getServiceLevelObjectiveBoundaries();
		double[] buckets = (existing == null || existing.length == 0) ? this.bucketsNanos
				: DoubleStream.concat(DoubleStream.of(existing), DoubleStream.of(this.bucketsNanos))
					.sorted()
					.distinct()
					.toArray();
		return DistributionStatisticConfig.builder().serviceLevelObjectives(buckets).build().merge(config);
	}

}
