package io.sightline.adoption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The shape of one request's trace, as the cross-mode contract compares it: each span's kind, name and
 * tag keys (not values: ids, durations and timestamps differ on every request).
 *
 * @param spans sorted by kind, name and keys
 */
public record TraceShape(List<SpanShape> spans) {

	/** One span: kind (SERVER, CLIENT, INTERNAL ...), name, the sorted keys of its tags. */
	public record SpanShape(String kind, String name, Set<String> tagKeys) {

		String label() {
			return this.kind + " '" + this.name + "'";
		}

	}

	private static final Comparator<SpanShape> ORDER = Comparator.comparing(SpanShape::kind)
		.thenComparing(SpanShape::name)
		.thenComparing((shape) -> shape.tagKeys().toString());

	/** The shape of a trace as Zipkin serves it. */
	public static TraceShape of(List<JsonNode> trace) {
		List<SpanShape> spans = new ArrayList<>();
		for (JsonNode span : trace) {
			spans.add(new SpanShape(Spans.kind(span), Spans.name(span),
					new TreeSet<>(span.path("tags").propertyNames())));
		}
		spans.sort(ORDER);
		return new TraceShape(List.copyOf(spans));
	}

	/** How many spans of each kind and name ("SERVER 'get /owners'" → 1). */
	public Map<String, Long> counts() {
		return this.spans.stream()
			.collect(Collectors.groupingBy(SpanShape::label, TreeMap::new, Collectors.counting()));
	}

	/** The union of the tag keys of the spans of one kind. */
	public Set<String> tagKeys(String kind) {
		return this.spans.stream()
			.filter((span) -> span.kind().equals(kind))
			.flatMap((span) -> span.tagKeys().stream())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The kinds of its spans. */
	public Set<String> kinds() {
		return this.spans.stream().map(SpanShape::kind).collect(Collectors.toCollection(TreeSet::new));
	}

}
