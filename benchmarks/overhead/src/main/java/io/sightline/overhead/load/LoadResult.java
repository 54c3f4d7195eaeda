package io.sightline.overhead.load;

import org.HdrHistogram.Histogram;

/**
 * What one load phase did: requests answered 2xx, failed ones, wall time, and (open loop only) latency
 * in microseconds measured from each request's intended send time.
 */
public record LoadResult(long succeeded, long failed, long elapsedNanos, Histogram latencyMicros) {

	public double throughputPerSecond() {
		return this.succeeded * 1e9 / this.elapsedNanos;
	}

	public long requests() {
		return this.succeeded + this.failed;
	}

	/** Latency at a percentile (0..100) in milliseconds. */
	public double latencyMillis(double percentile) {
		return this.latencyMicros.getValueAtPercentile(percentile) / 1000.0;
	}

}
