package io.sightline.dashboards;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.node.ObjectNode;

/**
 * Options of the Grafana transformations these dashboards use. With several table queries Grafana names each
 * value column {@code Value #<refId>}; the label columns keep the label names.
 */
public final class Transformations {

	private Transformations() {
	}

	/** The {@code merge} transformation's options (none): rows of frames with the same label values become one. */
	public static ObjectNode merge() {
		return Json.object();
	}

	/** Outer join of the frames on one field: one row per value of it, a column per query. */
	static ObjectNode joinByField(String field) {
		ObjectNode options = Json.object();
		options.put("byField", field);
		options.put("mode", "outer");
		return options;
	}

	/** Keeps only the fields of these names (the time columns and unneeded labels go). */
	static ObjectNode includeFields(List<String> names) {
		ObjectNode options = Json.object();
		options.putObject("include").set("names", Json.strings(names));
		return options;
	}

	/** Renames fields for display (old name to new name) and orders them as listed. */
	static ObjectNode organize(Map<String, String> renames, List<String> order) {
		return organize(Set.of(), renames, order);
	}

	/** Hides the excluded fields, renames fields for display (old name to new name) and orders them as listed. */
	public static ObjectNode organize(Set<String> excluded, Map<String, String> renames, List<String> order) {
		ObjectNode options = Json.object();
		ObjectNode exclude = options.putObject("excludeByName");
		new TreeSet<>(excluded).forEach((name) -> exclude.put(name, true));
		ObjectNode index = options.putObject("indexByName");
		for (int i = 0; i < order.size(); i++) {
			index.put(order.get(i), i);
		}
		ObjectNode rename = options.putObject("renameByName");
		renames.forEach(rename::put);
		return options;
	}

	/**
	 * A new field named {@code alias} holding {@code field * 1}: the one way to give a query's value column a real
	 * name (the Node Graph reads field names; renames only change the display name).
	 */
	static ObjectNode copyField(String field, String alias) {
		return binary(field, "*", "1", alias);
	}

	/** A new field {@code alias} = {@code left <operator> right}, each a field name or a number. */
	static ObjectNode binary(String left, String operator, String right, String alias) {
		ObjectNode options = Json.object();
		options.put("alias", alias);
		ObjectNode binary = options.putObject("binary");
		binary.put("left", left);
		binary.put("operator", operator);
		binary.put("right", right);
		options.put("mode", "binary");
		options.put("replaceFields", false);
		// per frame, not joined by time first
		options.put("timeSeries", false);
		return options;
	}

}
