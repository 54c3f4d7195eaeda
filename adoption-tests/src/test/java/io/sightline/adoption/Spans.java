package io.sightline.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.sightline.it.support.ForkedApp;
import tools.jackson.databind.JsonNode;

/** Reading Zipkin v2 spans. */
public final class Spans {

	/** A UUID anywhere in a text, e.g. Boot's generated embedded database name. */
	public static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Spans() {
	}

	/** The spans of a trace's JSON array. */
	public static List<JsonNode> of(String traceJson) {
		List<JsonNode> spans = new ArrayList<>();
		ForkedApp.parse(traceJson).forEach(spans::add);
		return spans;
	}

	public static String kind(JsonNode span) {
		return span.path("kind").asString("INTERNAL");
	}

	public static String name(JsonNode span) {
		return span.path("name").asString("");
	}

	/** A database call: a span with a {@code db.*} attribute (the agent's JDBC spans). */
	public static boolean isDatabase(JsonNode span) {
		return span.path("tags").propertyNames().stream().anyMatch((key) -> key.startsWith("db."));
	}

	/** The only server span of the trace. */
	public static JsonNode serverSpan(List<JsonNode> trace) {
		List<JsonNode> servers = trace.stream().filter((span) -> "SERVER".equals(kind(span))).toList();
		if (servers.size() != 1) {
			throw new AssertionError("expected one server span, got " + servers.size() + ": " + trace);
		}
		return servers.get(0);
	}

	/** Whether the span descends from the ancestor, following parentId within the trace. */
	public static boolean descendsFrom(JsonNode span, JsonNode ancestor, List<JsonNode> trace) {
		String ancestorId = ancestor.path("id").asString("");
		String parentId = span.path("parentId").asString("");
		for (int depth = 0; depth < trace.size() && !parentId.isEmpty(); depth++) {
			if (parentId.equals(ancestorId)) {
				return true;
			}
			String current = parentId;
			parentId = trace.stream()
				.filter((candidate) -> current.equals(candidate.path("id").asString("")))
				.map((parent) -> parent.path("parentId").asString(""))
				.findFirst()
				.orElse("");
		}
		return false;
	}

	public static String describe(JsonNode span) {
		return kind(span) + " '" + name(span) + "' " + span.path("tags").propertyNames();
	}

}
