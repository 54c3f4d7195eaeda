package io.sightline.slo;

/**
 * The Prometheus series of Micrometer's HTTP server timer ({@code http.server.requests}, in seconds) and the
 * label matchers on them: what the dashboards chart, what the HTTP SLIs' rules compute and what the promtool
 * tests feed in.
 */
public final class HttpServerMetrics {

	/** The Micrometer timer these series come from. */
	public static final String METER = "http.server.requests";

	/** The request counter: one series per application, method, uri, status and outcome. */
	public static final String REQUESTS = "http_server_requests_seconds_count";

	/** The latency histogram's cumulative buckets, by upper bound {@link #BUCKET_BOUND}. */
	public static final String BUCKETS = "http_server_requests_seconds_bucket";

	/** The slowest request of the last step. */
	public static final String MAX = "http_server_requests_seconds_max";

	/** The label of a bucket's upper bound, in seconds. */
	public static final String BUCKET_BOUND = "le";

	/** Every server error (5xx). */
	public static final String SERVER_ERROR = statusIn(StatusSet.SERVER_ERRORS);

	private HttpServerMetrics() {
	}

	/** The matcher of requests answered with a status of the set: {@code status=~"5..|429"}. */
	public static String statusIn(StatusSet statuses) {
		return "status=~\"" + statuses.regex() + "\"";
	}

	/** The matcher of one bucket: {@code le="0.25"} (the bound as Micrometer writes it). */
	public static String bucket(String bound) {
		return BUCKET_BOUND + "=\"" + bound + "\"";
	}

}
