package io.sightline.boot.metrics.push;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a push registry lost, per reason, and whether it is in an outage. An outage is logged once at
 * WARN when it starts and once at INFO when a push succeeds again; everything in between is only counted.
 * <p>
 * Bound as {@code sightline.metrics.push.dropped} (Prometheus: {@code sightline_metrics_push_dropped_total})
 * with tags {@code registry} and {@code reason}: {@code unreachable} (no HTTP response) or {@code rejected}
 * (a non-2xx answer). The value is the number of points (line-protocol lines) that were not stored.
 */
public final class PushFailureTracker implements MeterBinder {

	/** The counter's Micrometer name. */
	public static final String DROPPED_METER = "sightline.metrics.push.dropped";

	private static final Logger logger = LoggerFactory.getLogger(PushFailureTracker.class);

	private final String registryName;

	private final String target;

	private final LongAdder unreachable = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final AtomicBoolean outage = new AtomicBoolean();

	/**
	 * @param registryName the {@code registry} tag, e.g. {@code influx}
	 * @param target where pushes go, for the log lines (no credentials)
	 */
	public PushFailureTracker(String registryName, String target) {
		this.registryName = registryName;
		this.target = target;
	}

	void succeeded() {
		if (this.outage.compareAndSet(true, false)) {
			logger.info("Pushing metrics to {} at {} again", this.registryName, this.target);
		}
	}

	void unreachable(long points, Throwable cause) {
		this.unreachable.add(points);
		startOutage((cause.getMessage() != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
				: cause.getClass().getSimpleName());
	}

	void rejected(long points, int status, String body) {
		this.rejected.add(points);
		startOutage("HTTP " + status + ((body == null || body.isBlank()) ? "" : " " + abbreviate(body.strip())));
	}

	private void startOutage(String reason) {
		if (this.outage.compareAndSet(false, true)) {
			logger.warn("Cannot push metrics to {} at {}: {}. The points of each failed push are dropped and "
					+ "counted in sightline_metrics_push_dropped_total; quiet until a push succeeds again.",
					this.registryName, this.target, reason);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

	/** Whether the last push failed (until one succeeds). */
	public boolean isInOutage() {
		return this.outage.get();
	}

	/** Points dropped so far, all reasons. */
	public long dropped() {
		return this.unreachable.sum() + this.rejected.sum();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		bind(registry, "unreachable", this.unreachable);
		bind(registry, "rejected", this.rejected);
	}

	private void bind(MeterRegistry registry, String reason, LongAdder count) {
		FunctionCounter.builder(DROPPED_METER, count, LongAdder::doubleValue)
			.description("Points of metrics pushes that failed, by registry and reason")
			.tag("registry", this.registryName)
			.tag("reason", reason)
			.register(registry);
	}

}
