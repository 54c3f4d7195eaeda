package io.sightline.test;

import tools.jackson.databind.JsonNode;

/**
 * One log line as the starter's ECS encoder wrote it.
 *
 * @param raw the JSON text, without the line separator
 * @param json the parsed line; a missing node if the line was not valid JSON
 */
public record CapturedLine(String raw, JsonNode json) {

	/**
	 * @param name a top-level ECS key, dotted as written, e.g. {@code trace.id} or {@code labels.order_id}
	 * @return the field's text, or {@code null} when the line has no such field
	 */
	public String field(String name) {
		JsonNode node = this.json.get(name);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	/** @return {@code message} */
	public String message() {
		return field("message");
	}

	/** @return {@code log.level}, e.g. {@code INFO} */
	public String level() {
		return field("log.level");
	}

	/** @return {@code trace.id}, or {@code null} when the line was logged outside a trace */
	public String traceId() {
		return field("trace.id");
	}

	/** @return {@code span.id}, or {@code null} when the line was logged outside a trace */
	public String spanId() {
		return field("span.id");
	}

	/** @return {@code process.thread.name} */
	public String threadName() {
		return field("process.thread.name");
	}

	@Override
	public String toString() {
		return this.raw;
	}

}
