package io.sightline.test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

/**
 * Assertions on a {@link MeterRegistry}: a meter exists with the expected tags, and a meter name does not
 * grow more series (distinct tag combinations) than expected.
 *
 * <p>A series here is one Micrometer meter id (name plus tags). A timer with a histogram is still one
 * series, although Prometheus exposes several lines for it.
 */
public final class MeterAssertions {

	private static final long POLL_MILLIS = 20;

	private static final int MAX_LISTED = 20;

	private MeterAssertions() {
	}

	/**
	 * Asserts that a meter with that name and at least those tags exists.
	 * @param registry the registry, usually the application's {@code MeterRegistry} bean
	 * @param name meter name in Micrometer's dotted form, e.g. {@code http.server.requests}
	 * @param tagKeyValues tag keys and values, alternating, e.g. {@code "application", "orders"}
	 * @return the first matching meter
	 * @throws AssertionError when no meter matches, listing the existing series of that name
	 * @throws IllegalArgumentException when {@code tagKeyValues} has an odd length
	 */
	public static Meter assertMeter(MeterRegistry registry, String name, String... tagKeyValues) {
		Meter meter = find(registry, name, tagKeyValues);
		if (meter == null) {
			throw new AssertionError(missing(registry, name, tagKeyValues));
		}
		return meter;
	}

	/**
	 * Like {@link #assertMeter}, but polls until the meter exists. Meters of an HTTP request are recorded
	 * when its observation stops, which can be just after the client received the response.
	 * @param registry the registry
	 * @param timeout how long to wait
	 * @param name meter name
	 * @param tagKeyValues tag keys and values, alternating
	 * @return the first matching meter
	 * @throws AssertionError when no meter matches in time, listing the existing series of that name
	 */
	public static Meter awaitMeter(MeterRegistry registry, Duration timeout, String name, String... tagKeyValues) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Meter meter = find(registry, name, tagKeyValues);
			if (meter != null) {
				return meter;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError(missing(registry, name, tagKeyValues) + " (waited " + timeout + ")");
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for meter '" + name + "'", ex);
			}
		}
	}

	/**
	 * @param registry the registry
	 * @param name meter name
	 * @return how many series (distinct tag combinations) the meter name has
	 */
	public static int seriesCount(MeterRegistry registry, String name) {
		return registry.find(name).meters().size();
	}

	/**
	 * Asserts that a meter name has at most {@code max} series, to catch unbounded tag values (user ids,
	 * raw paths) before production does.
	 * @param registry the registry
	 * @param name meter name
	 * @param max maximum number of series
	 * @throws AssertionError when there are more, listing them
	 */
	public static void assertSeriesAtMost(MeterRegistry registry, String name, int max) {
		Collection<Meter> meters = registry.find(name).meters();
		if (meters.size() > max) {
			throw new AssertionError("Expected at most " + max + " series of meter '" + name + "' but found "
					+ meters.size() + ": " + series(meters));
		}
	}

	private static Meter find(MeterRegistry registry, String name, String... tagKeyValues) {
		if (tagKeyValues.length % 2 != 0) {
			throw new IllegalArgumentException(
					"Tags must be key/value pairs, got an odd number of strings: " + List.of(tagKeyValues));
		}
		return registry.find(name).tags(tagKeyValues).meter();
	}

	private static String missing(MeterRegistry registry, String name, String... tagKeyValues) {
		Collection<Meter> existing = registry.find(name).meters();
		String expected = "meter '" + name + "' with tags " + expectedTags(tagKeyValues);
		if (existing.isEmpty()) {
			return "Expected " + expected + ", but no meter named '" + name + "' is registered";
		}
		return "Expected " + expected + ", but none of its " + existing.size() + " series matches: "
				+ series(existing);
	}

	private static Map<String, String> expectedTags(String... tagKeyValues) {
		Map<String, String> tags = new TreeMap<>();
		for (int i = 0; i + 1 < tagKeyValues.length; i += 2) {
			tags.put(tagKeyValues[i], tagKeyValues[i + 1]);
		}
		return tags;
	}

	private static String series(Collection<Meter> meters) {
		List<Map<String, String>> listed = meters.stream().limit(MAX_LISTED).map((meter) -> {
			Map<String, String> tags = new TreeMap<>();
			for (Tag tag : meter.getId().getTags()) {
				tags.put(tag.getKey(), tag.getValue());
			}
			return tags;
		}).toList();
		// A cardinality blow-up can mean thousands of series; the first ones are enough to see why.
		return listed + ((meters.size() > MAX_LISTED) ? " and " + (meters.size() - MAX_LISTED) + " more" : "");
	}

}
