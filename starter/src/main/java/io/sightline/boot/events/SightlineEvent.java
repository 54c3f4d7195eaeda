package io.sightline.boot.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One deployment event: a point of the {@code sightline_events} measurement. The writer adds the
 * {@code service}, {@code env} and {@code release_id} tags of the running service.
 *
 * @param kind the {@code kind} tag: {@link #RELEASE}, {@link #CIRCUIT_BREAKER}, {@link #HEALTH} or one of
 * the application's own (keep the set small: it is a tag)
 * @param title short title (string field {@code title}), e.g. a Grafana annotation's title
 * @param text longer description (string field {@code text})
 * @param value numeric field {@code value} (1 for most events; lets metric stores that only keep
 * numbers, such as VictoriaMetrics, show the event)
 * @param tags further low-cardinality tags, e.g. {@code name}, {@code from}, {@code to}
 */
public record SightlineEvent(String kind, String title, String text, double value, Map<String, String> tags) {

	public static final String RELEASE = "release";

	public static final String CIRCUIT_BREAKER = "circuit_breaker";

	public static final String HEALTH = "health";

	public SightlineEvent {
		if (kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("kind must not be blank");
		}
		title = (title != null) ? title : "";
		text = (text != null) ? text : "";
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

	public static SightlineEvent of(String kind, String title, String text) {
		return new SightlineEvent(kind, title, text, 1, Map.of());
	}

	/** A copy with one more tag (ignored when the value is null or blank). */
	public SightlineEvent withTag(String key, String value) {
		if (value == null || value.isBlank()) {
			return this;
		}
		Map<String, String> copy = new LinkedHashMap<>(this.tags);
		copy.put(key, value);
		return new SightlineEvent(this.kind, this.title, this.text, this.value, copy);
	}

}
