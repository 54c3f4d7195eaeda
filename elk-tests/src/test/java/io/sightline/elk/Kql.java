package io.sightline.elk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The small KQL subset our saved objects use, translated the way Kibana does for keyword fields:
 * {@code field: value} and {@code field: "value"} become a {@code term} query (KQL on a keyword field is
 * an exact match), {@code field: *} becomes {@code exists}, and clauses joined by {@code and} become a
 * {@code bool.filter}. An empty query matches everything. Anything else is rejected, so a new saved
 * query that this translation does not cover fails the test instead of passing unchecked.
 *
 * <p>
 * The same clauses are also evaluated on the raw log lines, to know how many hits to expect.
 */
final class Kql {

	private static final Pattern CLAUSE = Pattern.compile("\\s*([A-Za-z_@][\\w.@]*)\\s*:\\s*(\"[^\"]*\"|[^\\s\"]+)\\s*");

	/** KQL field → value; value null means "exists" ({@code field: *}). */
	record Clause(String field, String value) {
	}

	private Kql() {
	}

	static List<Clause> parse(String kql) {
		List<Clause> clauses = new ArrayList<>();
		if (kql == null || kql.isBlank()) {
			return clauses;
		}
		for (String part : kql.split("(?i)\\s+and\\s+")) {
			Matcher matcher = CLAUSE.matcher(part);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("KQL outside the tested subset: '" + part + "' in '" + kql + "'");
			}
			String raw = matcher.group(2);
			String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
			clauses.add(new Clause(matcher.group(1), "*".equals(raw) ? null : value));
		}
		return clauses;
	}

	static Set<String> fields(String kql) {
		Set<String> fields = new java.util.LinkedHashSet<>();
		for (Clause clause : parse(kql)) {
			fields.add(clause.field());
		}
		return fields;
	}

	static ObjectNode toQuery(String kql) {
		ObjectNode query = Elk.JSON.createObjectNode();
		List<Clause> clauses = parse(kql);
		if (clauses.isEmpty()) {
			query.putObject("match_all");
			return query;
		}
		ArrayNode filter = query.putObject("bool").putArray("filter");
		for (Clause clause : clauses) {
			if (clause.value() == null) {
				filter.addObject().putObject("exists").put("field", clause.field());
			}
			else {
				filter.addObject().putObject("term").put(clause.field(), clause.value());
			}
		}
		return query;
	}

	/** Whether a raw log line (dotted top-level keys, as the starter writes them) matches. */
	static boolean matches(String kql, JsonNode event) {
		for (Clause clause : parse(kql)) {
			JsonNode value = event.get(clause.field());
			if (value == null || value.isNull()) {
				return false;
			}
			if (clause.value() != null && !clause.value().equals(value.asText())) {
				return false;
			}
		}
		return true;
	}

}
