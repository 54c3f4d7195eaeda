package io.sightline.boot.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the distinct tag combinations per meter name in one registry. Past the cap, new combinations
 * are denied (existing series keep working), each denial is counted in
 * {@code sightline_metrics_cardinality_denied_total{meter}}, and one WARN is logged per meter.
 *
 * <p>Memory stays bounded: at most {@code maxSeriesPerMeter} ids per name, and at most
 * {@link #MAX_TRACKED_NAMES} names; names beyond that are denied and counted under one overflow tag.
 * Micrometer does not remember denied ids, so the counter counts denied registration attempts: a code
 * path that keeps asking for a denied combination keeps counting.
 */
public class CardinalityGuard implements MeterFilter {

	public static final String DENIED_METER = "sightline.metrics.cardinality.denied";

	static final int MAX_TRACKED_NAMES = 10_000;

	static final String OVERFLOW_NAME = "_other";

	private static final Logger logger = LoggerFactory.getLogger(CardinalityGuard.class);

	private final MeterRegistry registry;

	private final int maxSeriesPerMeter;

	private final Map<String, Set<Meter.Id>> seriesByName = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> deniedByName = new ConcurrentHashMap<>();

	public CardinalityGuard(MeterRegistry registry, int maxSeriesPerMeter) {
		if (maxSeriesPerMeter < 1) {
			throw new IllegalArgumentException(
					"sightline.metrics.max-series-per-meter must be at least 1, was " + maxSeriesPerMeter);
		}
		this.registry = registry;
		this.maxSeriesPerMeter = maxSeriesPerMeter;
	}

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		String name = id.getName();
		if (name.startsWith(DENIED_METER)) {
			return MeterFilterReply.NEUTRAL;
		}
		Set<Meter.Id> series = this.seriesByName.get(name);
		if (series == null) {
			if (this.seriesByName.size() >= MAX_TRACKED_NAMES) {
				deny(OVERFLOW_NAME);
				return MeterFilterReply.DENY;
			}
			series = this.seriesByName.computeIfAbsent(name, (key) -> ConcurrentHashMap.newKeySet());
		}
		if (series.contains(id)) {
			return MeterFilterReply.NEUTRAL;
		}
		synchronized (series) {
			if (series.size() < this.maxSeriesPerMeter) {
				series.add(id);
				return MeterFilterReply.NEUTRAL;
			}
		}
		deny(name);
		return MeterFilterReply.DENY;
	}

	private void deny(String name) {
		LongAdder denied = this.deniedByName.get(name);
		if (denied == null) {
			LongAdder created = new LongAdder();
			denied = this.deniedByName.putIfAbsent(name, created);
			if (denied == null) {
				denied = created;
				logger.warn("Meter '{}' reached {} distinct tag combinations; new combinations are dropped and counted "
						+ "in sightline_metrics_cardinality_denied_total. Check for unbounded tag values (ids, raw URIs).",
						name, this.maxSeriesPerMeter);
				FunctionCounter.builder(DENIED_METER, created, LongAdder::doubleValue)
					.description("Meter registrations denied by the cardinality guard")
					.tag("meter", name)
					.register(this.registry);
			}
		}
		denied.increment();
	}

	/** Frees the slot of a removed meter, so a cap that was reached can admit new series again. */
	public void release(Meter.Id id) {
		Set<Meter.Id> series = this.seriesByName.get(id.getName());
		if (series != null) {
			synchronized (series) {
				series.remove(id);
			}
		}
	}

	/** Distinct series admitted for a meter name (for tests and diagnostics). */
	public int admitted(String name) {
		Set<Meter.Id> series = this.seriesByName.get(name);
		return (series != null) ? series.size() : 0;
	}

}
