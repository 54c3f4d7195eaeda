package io.sightline.boot.slo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.sightline.slo.HttpServerMetrics;
import io.sightline.slo.Sli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an SLI's cumulative (bad, total) event counts from a registry's meters: the same series the
 * generated PromQL rates, counted the same way (the SLI's own {@code matches}, {@code contains} and
 * {@code isError} decide).
 */
abstract class SliCounter {

	static final String HTTP_SERVER_REQUESTS = HttpServerMetrics.METER;

	/** Cumulative counts since the meters were created. */
	record Counts(double bad, double total) {
	}

	abstract Counts count(MeterRegistry registry);

	/** The counter for an SLI, or null for the PromQL kinds (events, raw) that only Prometheus evaluates. */
	static SliCounter of(Sli sli) {
		if (sli instanceof Sli.HttpAvailability availability) {
			return new HttpAvailability(availability);
		}
		if (sli instanceof Sli.HttpLatency latency) {
			return new HttpLatency(latency);
		}
		if (sli instanceof Sli.CounterRatio counter) {
			return new CounterRatio(counter);
		}
		return null;
	}

	/** Bad: a status in the error set. */
	static final class HttpAvailability extends SliCounter {

		private final Sli.HttpAvailability sli;

		HttpAvailability(Sli.HttpAvailability sli) {
			this.sli = sli;
		}

		@Override
		Counts count(MeterRegistry registry) {
			double bad = 0;
			double total = 0;
			for (Timer timer : registry.find(HTTP_SERVER_REQUESTS).timers()) {
				if (this.sli.requests().matches(timer.getId().getTag("uri"), timer.getId().getTag("method"))) {
					double count = timer.count();
					total += count;
					if (this.sli.errorStatuses().contains(timer.getId().getTag("status"))) {
						bad += count;
					}
				}
			}
			return new Counts(bad, total);
		}

	}

	/**
	 * Bad: slower than the threshold, i.e. the count minus the cumulative count of the threshold's
	 * bucket ({@code _count - _bucket{le="<threshold>"}}).
	 */
	static final class HttpLatency extends SliCounter {

		private static final Logger logger = LoggerFactory.getLogger(HttpLatency.class);

		private final Sli.HttpLatency sli;

		private final double thresholdNanos;

		private final AtomicBoolean warned = new AtomicBoolean();

		HttpLatency(Sli.HttpLatency sli) {
			this.sli = sli;
			this.thresholdNanos = sli.threshold().toNanos();
		}

		@Override
		Counts count(MeterRegistry registry) {
			double bad = 0;
			double total = 0;
			for (Timer timer : registry.find(HTTP_SERVER_REQUESTS).timers()) {
				if (!this.sli.requests().matches(timer.getId().getTag("uri"), timer.getId().getTag("method"))) {
					continue;
				}
				// one snapshot: its count and its buckets agree with each other
				HistogramSnapshot snapshot = timer.takeSnapshot();
				CountAtBucket bucket = bucket(snapshot);
				if (bucket == null) {
					if (this.warned.compareAndSet(false, true)) {
						logger.warn("{} {} has no {} histogram bucket; it is left out of the latency SLO. Are the "
								+ "SLO buckets (sightline.metrics.slo-buckets) published?", HTTP_SERVER_REQUESTS,
								timer.getId().getTags(), format(this.sli.threshold()));
					}
					continue;
				}
				double count = snapshot.count();
				total += count;
				// histogram counts are cumulative (le): requests at or under the threshold
				bad += Math.max(0, count - bucket.count());
			}
			return new Counts(bad, total);
		}

		private CountAtBucket bucket(HistogramSnapshot snapshot) {
			for (CountAtBucket bucket : snapshot.histogramCounts()) {
				if (Math.abs(bucket.bucket(TimeUnit.NANOSECONDS) - this.thresholdNanos) < 0.5) {
					return bucket;
				}
			}
			return null;
		}

		private static String format(Duration duration) {
			return duration.toMillis() + "ms";
		}

	}

	/** Bad: any error tag has one of its error values. */
	static final class CounterRatio extends SliCounter {

		private final Sli.CounterRatio sli;

		CounterRatio(Sli.CounterRatio sli) {
			this.sli = sli;
		}

		@Override
		Counts count(MeterRegistry registry) {
			double bad = 0;
			double total = 0;
			for (Counter counter : registry.find(this.sli.meter()).counters()) {
				double count = counter.count();
				total += count;
				if (this.sli.isError((tag) -> counter.getId().getTag(tag))) {
					bad += count;
				}
			}
			for (FunctionCounter counter : registry.find(this.sli.meter()).functionCounters()) {
				double count = counter.count();
				if (Double.isNaN(count)) {
					continue;
				}
				total += count;
				if (this.sli.isError((tag) -> counter.getId().getTag(tag))) {
					bad += count;
				}
			}
			return new Counts(bad, total);
		}

	}

}
