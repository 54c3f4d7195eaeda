package io.sightline.boot.servicegraph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Records one service-graph edge per inbound request or consumed record, on the server side:
 * {@code sightline.service.graph.requests} (a counter) and {@code sightline.service.graph.request.duration}
 * (a timer published as a histogram with the SLO buckets only, no percentiles), tagged {@code client},
 * {@code server}, {@code connection_type} and {@code failed}. Recording is a map lookup, a counter
 * increment and a timer record; it never blocks.
 */
public class ServiceGraphMeters implements MeterBinder {

	public static final String REQUESTS = "sightline.service.graph.requests";

	public static final String DURATION = "sightline.service.graph.request.duration";

	public static final String CLIENT = "client";

	public static final String SERVER = "server";

	public static final String CONNECTION_TYPE = "connection_type";

	public static final String FAILED = "failed";

	/** Tag combinations kept in the local cache; beyond it meters are looked up in the registry. */
	static final int MAX_CACHED = 512;

	/** The {@code connection_type} label. */
	public enum ConnectionType {

		HTTP("http"), MESSAGING("messaging");

		private final String label;

		ConnectionType(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	private final String server;

	private final Duration[] buckets;

	private final Map<Key, Edge> edges = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	/**
	 * @param server this service's name, already normalized ({@link Callers#normalizeOwnName})
	 * @param buckets the histogram buckets (sightline.metrics.slo-buckets)
	 */
	public ServiceGraphMeters(String server, List<Duration> buckets) {
		this.server = server;
		this.buckets = buckets.stream().sorted().distinct().toArray(Duration[]::new);
	}

	/** The server label: this service. */
	public String server() {
		return this.server;
	}

	Duration[] buckets() {
		return this.buckets.clone();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// Boot binds to the composite when there are several registries; the first one bound is kept
		if (this.registry == null) {
			this.registry = registry;
		}
	}

	/**
	 * Records one edge.
	 * @param client the caller, already sanitized ({@link Callers#sanitize})
	 * @param type http or messaging
	 * @param failed whether the request failed (5xx, an exception) or the listener threw
	 * @param nanos how long it took
	 */
	public void record(String client, ConnectionType type, boolean failed, long nanos) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		Key key = new Key(client, type, failed);
		Edge edge = this.edges.get(key);
		if (edge == null) {
			edge = register(registry, key);
			if (this.edges.size() < MAX_CACHED) {
				this.edges.putIfAbsent(key, edge);
			}
		}
		edge.requests.increment();
		edge.duration.record(nanos, TimeUnit.NANOSECONDS);
	}

	private Edge register(MeterRegistry registry, Key key) {
		Tags tags = Tags.of(CLIENT, key.client, SERVER, this.server, CONNECTION_TYPE, key.type.label(), FAILED,
				Boolean.toString(key.failed));
		Counter requests = Counter.builder(REQUESTS)
			.description("Requests and messages received, by calling service (service-graph edges)")
			.tags(tags)
			.register(registry);
		Timer duration = Timer.builder(DURATION)
			.description("Server-side duration of requests and message processing, by calling service")
			.tags(tags)
			.serviceLevelObjectives(this.buckets)
			.publishPercentileHistogram(false)
			.register(registry);
		return new Edge(requests, duration);
	}

	private record Key(String client, ConnectionType type, boolean failed) {
	}

	private record Edge(Counter requests, Timer duration) {
	}

}
