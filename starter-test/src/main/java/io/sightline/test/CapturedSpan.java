package io.sightline.test;

import java.util.Map;

import brave.Span.Kind;

/**
 * One finished span, as {@link CapturedSpans} saw it after the starter's identity and redaction handler.
 *
 * @param traceId trace id, lower-hex (32 characters with 128-bit trace ids)
 * @param spanId span id, 16 lower-hex characters
 * @param parentId id of the parent span, or {@code null} for a root span
 * @param name span name, e.g. {@code http get /orders/{id}}
 * @param kind {@code SERVER}, {@code CLIENT}, ... or {@code null} for a local span
 * @param tags the span's tags (unmodifiable), identity tags such as {@code sightline.release.id} included
 * @param localServiceName the service name the span is reported under
 */
public record CapturedSpan(String traceId, String spanId, String parentId, String name, Kind kind,
		Map<String, String> tags, String localServiceName) {

	/**
	 * Copies the tags, so a snapshot never changes after capture.
	 * @param traceId trace id
	 * @param spanId span id
	 * @param parentId parent span id, or {@code null}
	 * @param name span name
	 * @param kind span kind, or {@code null}
	 * @param tags tags; {@code null} means none
	 * @param localServiceName local service name
	 */
	public CapturedSpan {
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

	/**
	 * @param key tag name
	 * @return the tag's value, or {@code null} when the span has no such tag
	 */
	public String tag(String key) {
		return this.tags.get(key);
	}

	/** @return whether this is a {@link Kind#SERVER} span */
	public boolean isServer() {
		return this.kind == Kind.SERVER;
	}

}
