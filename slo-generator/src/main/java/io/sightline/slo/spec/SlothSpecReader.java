package io.sightline.slo.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sightline.slo.Objective;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a Sloth {@code prometheus/v1} spec, so that an existing Sloth user's file works unchanged.
 * Strict: an unknown field, a wrong type or a missing {@code {{.window}}} is reported with its path,
 * and all problems are reported at once.
 */
public final class SlothSpecReader {

	public static final String VERSION = "prometheus/v1";

	static final String WINDOW = "{{.window}}";

	private static final Set<String> TOP = Set.of("version", "service", "labels", "slos");

	private static final Set<String> SLO = Set.of("name", "objective", "description", "labels", "sli", "alerting");

	private static final Set<String> SLI = Set.of("events", "raw");

	private static final Set<String> EVENTS = Set.of("error_query", "total_query");

	private static final Set<String> RAW = Set.of("error_ratio_query");

	private static final Set<String> ALERTING = Set.of("name", "labels", "annotations", "page_alert", "ticket_alert");

	private static final Set<String> ALERT = Set.of("disable", "labels", "annotations");

	private final List<String> problems = new ArrayList<>();

	private SlothSpecReader() {
	}

	/**
	 * @param source where the YAML came from, for messages
	 * @param yaml the spec
	 * @throws InvalidSpecException with every problem found
	 */
	public static SloSpec read(String source, String yaml) {
		SlothSpecReader reader = new SlothSpecReader();
		SloSpec spec = reader.parse(yaml);
		if (!reader.problems.isEmpty()) {
			throw new InvalidSpecException(source, reader.problems);
		}
		return spec;
	}

	private SloSpec parse(String yaml) {
		Object root;
		try {
			// SafeConstructor: a spec is data, never a way to instantiate classes
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (RuntimeException ex) {
			this.problems.add("not valid YAML: " + ex.getMessage());
			return null;
		}
		Map<String, Object> top = map(root, "(root)");
		if (top == null) {
			return null;
		}
		known(top, TOP, "");
		Object version = top.get("version");
		if (!VERSION.equals(version)) {
			this.problems.add("version: must be \"" + VERSION + "\", was " + quote(version));
		}
		String service = text(top, "service", "service", true);
		Map<String, String> labels = labels(top.get("labels"), "labels");
		List<SloSpec.Slo> slos = new ArrayList<>();
		Object list = top.get("slos");
		if (!(list instanceof List<?> items) || items.isEmpty()) {
			this.problems.add("slos: must be a non-empty list");
		}
		else {
			Set<String> names = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				SloSpec.Slo slo = slo(items.get(i), "slos[" + i + "]");
				if (slo != null && slo.name() != null && !names.add(slo.name())) {
					this.problems.add("slos[" + i + "].name: duplicate SLO name \"" + slo.name() + "\"");
				}
				slos.add(slo);
			}
		}
		return new SloSpec(service, labels, slos);
	}

	private SloSpec.Slo slo(Object item, String path) {
		Map<String, Object> slo = map(item, path);
		if (slo == null) {
			return null;
		}
		known(slo, SLO, path + ".");
		String name = text(slo, "name", path + ".name", true);
		if (name != null && !name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]*")) {
			this.problems.add(path + ".name: only letters, digits, '-' and '_' are allowed, was \"" + name + "\"");
		}
		Objective objective = objective(slo.get("objective"), path + ".objective");
		String description = text(slo, "description", path + ".description", false);
		Map<String, String> labels = labels(slo.get("labels"), path + ".labels");
		String errorQuery = null;
		String totalQuery = null;
		String ratioQuery = null;
		Map<String, Object> sli = map(slo.get("sli"), path + ".sli");
		if (sli != null) {
			known(sli, SLI, path + ".sli.");
			if (sli.containsKey("events") == sli.containsKey("raw")) {
				this.problems.add(path + ".sli: exactly one of events or raw is required");
			}
			else if (sli.containsKey("events")) {
				Map<String, Object> events = map(sli.get("events"), path + ".sli.events");
				if (events != null) {
					known(events, EVENTS, path + ".sli.events.");
					errorQuery = query(events, "error_query", path + ".sli.events.error_query");
					totalQuery = query(events, "total_query", path + ".sli.events.total_query");
				}
			}
			else {
				Map<String, Object> raw = map(sli.get("raw"), path + ".sli.raw");
				if (raw != null) {
					known(raw, RAW, path + ".sli.raw.");
					ratioQuery = query(raw, "error_ratio_query", path + ".sli.raw.error_ratio_query");
				}
			}
		}
		SloSpec.Alerting alerting = alerting(slo.get("alerting"), path + ".alerting");
		return new SloSpec.Slo(name, objective, description, errorQuery, totalQuery, ratioQuery, labels, alerting);
	}

	private SloSpec.Alerting alerting(Object value, String path) {
		Map<String, Object> alerting = map(value, path);
		if (alerting == null) {
			return null;
		}
		known(alerting, ALERTING, path + ".");
		String name = text(alerting, "name", path + ".name", true);
		return new SloSpec.Alerting(name, labels(alerting.get("labels"), path + ".labels"),
				labels(alerting.get("annotations"), path + ".annotations"),
				alert(alerting.get("page_alert"), path + ".page_alert"),
				alert(alerting.get("ticket_alert"), path + ".ticket_alert"));
	}

	/** The alert's extra labels, or null when it is disabled. */
	private Map<String, String> alert(Object value, String path) {
		if (value == null) {
			return Map.of();
		}
		Map<String, Object> alert = map(value, path);
		if (alert == null) {
			return Map.of();
		}
		known(alert, ALERT, path + ".");
		if (Boolean.TRUE.equals(alert.get("disable"))) {
			return null;
		}
		return labels(alert.get("labels"), path + ".labels");
	}

	private Objective objective(Object value, String path) {
		if (!(value instanceof Number number)) {
			this.problems.add(path + ": a number strictly between 0 and 100 is required, was " + quote(value));
			return null;
		}
		try {
			return new Objective(number.doubleValue());
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	private String query(Map<String, Object> map, String key, String path) {
		String query = text(map, key, path, true);
		if (query != null && !query.contains(WINDOW)) {
			this.problems.add(path + ": the query must contain " + WINDOW + " where the rate window goes");
		}
		return query;
	}

	private String text(Map<String, Object> map, String key, String path, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				this.problems.add(path + ": required");
			}
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			this.problems.add(path + ": a non-empty string is required, was " + quote(value));
			return null;
		}
		return text.trim();
	}

	private Map<String, String> labels(Object value, String path) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (value == null) {
			return labels;
		}
		Map<String, Object> map = map(value, path);
		if (map != null) {
			map.forEach((key, item) -> {
				if (item == null || item instanceof Map || item instanceof List) {
					this.problems.add(path + "." + key + ": a plain value is required");
				}
				else {
					labels.put(key, String.valueOf(item));
				}
			});
		}
		return labels;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object value, String path) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		this.problems.add(path + ": a mapping is required, was " + quote(value));
		return null;
	}

	private void known(Map<String, Object> map, Set<String> allowed, String prefix) {
		for (String key : map.keySet()) {
			if (!allowed.contains(key)) {
				this.problems.add(prefix + key + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(allowed))
						+ ")");
			}
		}
	}

	private static String quote(Object value) {
		return (value == null) ? "nothing" : "\"" + value + "\"";
	}

}
