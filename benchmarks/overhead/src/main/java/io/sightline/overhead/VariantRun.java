package io.sightline.overhead;

/**
 * What one variant measured in one round, plus the facts the smoke test checks.
 *
 * @param startupMillis process start to the first 200 of /actuator/health
 * @param warmupSeconds how long the warm-up ran before throughput was steady
 * @param throughputPerSecond closed loop, requests answered 2xx per second
 * @param appCpuBusy the app's CPU seconds per second during the closed loop: about 1.0 per CPU it may use
 * means the app, not the generator, was the bottleneck
 * @param openWarmupSeconds how long the open-loop warm-up ran before CPU per request was steady
 * @param arrivalRate the open loop's rate (requests per second)
 * @param p50Millis open-loop latency from the intended send time (NaN where the round measured no open loop;
 * so are the other open-loop figures)
 * @param cpuMicrosPerRequest the app's user + system CPU during the open loop, per request
 * @param allocatedBytesPerRequest heap allocated by the app during the open loop, per request
 * @param rssBytes resident memory after warm-up and the throughput phase
 * @param requests every request the variant answered or failed, all phases
 * @param failedRequests non-2xx answers and I/O errors, all phases
 * @param spansPerRequest spans Zipkin received from this variant, per request
 * @param downstreamCallsPerRequest calls the downstream stub received, per request (1 when the endpoint did its work)
 * @param scrapes scrapes of /actuator/prometheus
 * @param prometheusStatus HTTP status of the last scrape
 * @param sightlineSeries lines of sightline_* meters in the last scrape
 * @param inZipkin whether Zipkin lists the variant's service name
 * @param profile where CPU and allocation per request go (round 1 only), or null
 */
public record VariantRun(Variant variant, int round, double startupMillis, double warmupSeconds,
		double throughputPerSecond, double appCpuBusy, double openWarmupSeconds, double arrivalRate, double p50Millis,
		double p99Millis, double p999Millis, double maxMillis, double cpuMicrosPerRequest,
		double allocatedBytesPerRequest, long rssBytes, long requests, long failedRequests, double spansPerRequest,
		double downstreamCallsPerRequest, int scrapes, int prometheusStatus, int sightlineSeries, boolean inZipkin,
		io.sightline.overhead.profile.VariantProfile profile) {

	/**
	 * The app's CPU per request in the closed loop: busy CPUs over throughput. Unlike the open loop's, it is
	 * not capped at 1/rate when a variant saturates its CPU at the open loop's rate.
	 */
	public double closedLoopCpuMicrosPerRequest() {
		return this.appCpuBusy * 1e6 / this.throughputPerSecond;
	}

	/** Whether this run measured the open loop (latency, CPU and allocation at the fixed rate). */
	public boolean measuredOpenLoop() {
		return !Double.isNaN(this.p50Millis);
	}

}
