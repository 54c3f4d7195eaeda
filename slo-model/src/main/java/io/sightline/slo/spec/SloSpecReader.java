package io.sightline.slo.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.time.Duration;
import java.util.TreeSet;

import io.sightline.slo.HttpRequests;
import io.sightline.slo.Objective;
import io.sightline.slo.Sli;
import io.sightline.slo.SloBuckets;
import io.sightline.slo.StatusSet;
import java.io.StringReader;
import java.util.HashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads SLO specs: Sloth's {@code prometheus/v1}, so that an existing Sloth user's file works unchanged,
 * and Sightline's {@code sightline/v1}, which adds shorthand SLIs on a service's own meters
 * ({@code http_availability}, {@code http_latency}, {@code counter}) and makes {@code alerting}
 * optional. Strict: an unknown field, a wrong type, a missing {@code {{.window}}} or a latency
 * threshold that is not a published bucket is reported with its path, and all problems at once.
 */
public final class SloSpecReader {

	/** Sloth's version. */
	public static final String SLOTH_VERSION = "prometheus/v1";

	/** Sightline's superset of it. */
	public static final String SIGHTLINE_VERSION = "sightline/v1";

	static final String WINDOW = "{{.window}}";

	private static final Set<String> TOP = Set.of("version", "service", "labels", "slos");

	private static final Set<String> SLO = Set.of("name", "objective", "description", "labels", "sli", "alerting",
			"interval");

	private static final Set<String> INTERVAL = Set.of("all", "slierror", "metadata", "alert");

	private static final Set<String> SLOTH_SLI = Set.of("events", "raw");

	private static final Set<String> SIGHTLINE_SLI = Set.of("events", "raw", "http_availability", "http_latency",
			"counter");

	private static final Set<String> HTTP_AVAILABILITY = Set.of("uris", "methods", "error_statuses");

	private static final Set<String> HTTP_LATENCY = Set.of("uris", "methods", "threshold");

	private static final Set<String> COUNTER = Set.of("name", "error_tags");

	private static final Set<String> EVENTS = Set.of("error_query", "total_query");

	private static final Set<String> RAW = Set.of("error_ratio_query");

	private static final Set<String> ALERTING = Set.of("name", "labels", "annotations", "page_alert", "ticket_alert");

	private static final Set<String> ALERT = Set.of("disable", "labels", "annotations");

	/** Sloth's plugin fields: Sloth knows them, Sightline refuses them on purpose, so they are not "unknown". */
	private static final String SLO_PLUGINS_REFUSED = "Sloth's SLO plugins are not supported by Sightline;"
			+ " remove the plugin chain (the rules generated are those of Sloth's core plugins)";

	private static final Map<String, String> TOP_REFUSED = Map.of("slo_plugins", SLO_PLUGINS_REFUSED);

	private static final Map<String, String> SLO_REFUSED = Map.of("plugins", SLO_PLUGINS_REFUSED);

	private static final Map<String, String> SLI_REFUSED = Map.of("plugin",
			"Sloth's SLI plugins are not supported by Sightline; write the SLI as events or raw PromQL");

	private final List<String> problems = new ArrayList<>();

	private final List<Duration> buckets;

	private boolean sightline;

	private String service;

	private SloSpecReader(List<Duration> buckets) {
		this.buckets = buckets;
	}

	/**
	 * Reads a spec whose latency thresholds must be among the starter's default buckets.
	 * @param source where the YAML came from, for messages
	 * @param yaml the spec
	 * @throws InvalidSpecException with every problem found
	 */
	public static SloSpec read(String source, String yaml) {
		return read(source, yaml, SloBuckets.HTTP_DEFAULT);
	}

	/**
	 * @param source where the YAML came from, for messages
	 * @param yaml the spec
	 * @param buckets the latency buckets the service publishes
	 * @throws InvalidSpecException with every problem found
	 */
	public static SloSpec read(String source, String yaml, List<Duration> buckets) {
		List<SloSpec> specs = readAll(source, yaml, buckets);
		if (specs.size() != 1) {
			throw new InvalidSpecException(source, List.of("holds " + specs.size()
					+ " specs (YAML documents); one service's spec is read here (the generator accepts several per file)"));
		}
		return specs.get(0);
	}

	/**
	 * Reads every spec of a file: as in Sloth, a file may hold several, as YAML documents separated by
	 * {@code ---}. Each problem starts with its path and ends with its document (when there are
	 * several) and line, e.g. {@code slos[0].objective: … (document 2, line 14)}.
	 * @param source where the YAML came from, for messages
	 * @param yaml the specs
	 * @param buckets the latency buckets the service publishes
	 * @throws InvalidSpecException with every problem of every document
	 */
	public static List<SloSpec> readAll(String source, String yaml, List<Duration> buckets) {
		List<Object> documents = new ArrayList<>();
		List<Map<String, Integer>> lines = new ArrayList<>();
		try {
			// SafeConstructor: a spec is data, never a way to instantiate classes
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
				documents.add(document);
			}
			for (Node node : new Yaml(new SafeConstructor(new LoaderOptions())).composeAll(new StringReader(yaml))) {
				Map<String, Integer> documentLines = new HashMap<>();
				SpecLines.collect(node, "", documentLines);
				lines.add(documentLines);
			}
		}
		catch (RuntimeException ex) {
			throw new InvalidSpecException(source, List.of("not valid YAML: " + ex.getMessage()));
		}
		List<String> problems = new ArrayList<>();
		List<SloSpec> specs = new ArrayList<>();
		int count = 0;
		for (int i = 0; i < documents.size(); i++) {
			if (documents.get(i) == null) {
				// an empty document, such as after a trailing ---
				continue;
			}
			count++;
			SloSpecReader reader = new SloSpecReader(buckets);
			SloSpec spec = reader.parse(documents.get(i));
			Map<String, Integer> documentLines = (i < lines.size()) ? lines.get(i) : Map.of();
			for (String problem : reader.problems) {
				// after the problem, which starts with its path
				Integer line = SpecLines.line(problem, documentLines);
				List<String> where = new ArrayList<>();
				if (documents.size() > 1) {
					where.add("document " + (i + 1));
				}
				if (line != null) {
					where.add("line " + line);
				}
				problems.add(where.isEmpty() ? problem : problem + " (" + String.join(", ", where) + ")");
			}
			specs.add(spec);
		}
		if (count == 0) {
			problems.add("holds no spec");
		}
		if (!problems.isEmpty()) {
			throw new InvalidSpecException(source, problems);
		}
		return specs;
	}

	private SloSpec parse(Object root) {
		Map<String, Object> top = map(root, "(root)");
		if (top == null) {
			return null;
		}
		if (top.containsKey("apiVersion") && !top.containsKey("version")) {
			// a Kubernetes resource (Sloth's sloth.slok.dev/v1 PrometheusServiceLevel) or another format
			this.problems.add("apiVersion: Kubernetes-style resources, such as Sloth's sloth.slok.dev/v1"
					+ " PrometheusServiceLevel, are not supported by Sightline (was " + quote(top.get("apiVersion"))
					+ "); write the resource's spec as a file with version: \"" + SLOTH_VERSION + "\"");
			return null;
		}
		known(top, TOP, TOP_REFUSED, "");
		Object version = top.get("version");
		this.sightline = SIGHTLINE_VERSION.equals(version);
		if (!this.sightline && !SLOTH_VERSION.equals(version)) {
			this.problems.add("version: must be \"" + SLOTH_VERSION + "\" or \"" + SIGHTLINE_VERSION + "\", was "
					+ quote(version));
		}
		String service = text(top, "service", "service", true);
		this.service = service;
		if (service != null && !service.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
			this.problems.add("service: only letters, digits, '.', '-' and '_' are allowed, was \"" + service + "\"");
		}
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
		return new SloSpec(this.sightline ? SIGHTLINE_VERSION : SLOTH_VERSION, service, labels, slos);
	}

	private SloSpec.Slo slo(Object item, String path) {
		Map<String, Object> slo = map(item, path);
		if (slo == null) {
			return null;
		}
		known(slo, SLO, SLO_REFUSED, path + ".");
		String name = text(slo, "name", path + ".name", true);
		if (name != null && !name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]*")) {
			this.problems.add(path + ".name: only letters, digits, '-' and '_' are allowed, was \"" + name + "\"");
		}
		Objective objective = objective(slo.get("objective"), path + ".objective");
		String description = text(slo, "description", path + ".description", false);
		Map<String, String> labels = labels(slo.get("labels"), path + ".labels");
		Sli sli = sli(slo.get("sli"), path + ".sli");
		SloSpec.Alerting alerting = (this.sightline && slo.get("alerting") == null) ? defaultAlerting(name)
				: alerting(slo.get("alerting"), path + ".alerting");
		return new SloSpec.Slo(name, objective, description, sli, labels, alerting,
				intervals(slo.get("interval"), path + ".interval"));
	}

	private Sli sli(Object value, String path) {
		Map<String, Object> sli = map(value, path);
		if (sli == null) {
			return null;
		}
		known(sli, this.sightline ? SIGHTLINE_SLI : SLOTH_SLI, SLI_REFUSED, path + ".");
		if (sli.containsKey("plugin")) {
			return null;
		}
		if (sli.size() != 1) {
			this.problems.add(path + ": exactly one of " + String.join(", ",
					new TreeSet<>(this.sightline ? SIGHTLINE_SLI : SLOTH_SLI)) + " is required");
			return null;
		}
		String kind = sli.keySet().iterator().next();
		Map<String, Object> body = map(sli.get(kind), path + "." + kind);
		if (body == null) {
			return null;
		}
		String at = path + "." + kind;
		return switch (kind) {
			case "events" -> {
				known(body, EVENTS, at + ".");
				yield new Sli.Events(query(body, "error_query", at + ".error_query"),
						query(body, "total_query", at + ".total_query"));
			}
			case "raw" -> {
				known(body, RAW, at + ".");
				yield new Sli.Raw(query(body, "error_ratio_query", at + ".error_ratio_query"));
			}
			case "http_availability" -> {
				known(body, HTTP_AVAILABILITY, at + ".");
				List<String> statuses = strings(body.get("error_statuses"), at + ".error_statuses");
				StatusSet errors = StatusSet.SERVER_ERRORS;
				if (!statuses.isEmpty()) {
					List<String> invalid = statuses.stream().filter((status) -> !StatusSet.isValid(status)).toList();
					if (invalid.isEmpty()) {
						errors = new StatusSet(statuses);
					}
					else {
						this.problems.add(at + ".error_statuses: " + invalid
								+ " are not statuses; use classes like 5xx or codes like 429");
					}
				}
				yield new Sli.HttpAvailability(requests(body, at), errors);
			}
			case "http_latency" -> {
				known(body, HTTP_LATENCY, at + ".");
				yield new Sli.HttpLatency(requests(body, at), threshold(body.get("threshold"), at + ".threshold"));
			}
			case "counter" -> {
				known(body, COUNTER, at + ".");
				String meter = text(body, "name", at + ".name", true);
				if (meter != null && !meter.matches("[a-zA-Z][a-zA-Z0-9_.]*")) {
					this.problems.add(at + ".name: a Micrometer meter name like orders.saga.completed is required, was \""
							+ meter + "\"");
				}
				Map<String, List<String>> errorTags = new LinkedHashMap<>();
				Map<String, Object> tags = map(body.get("error_tags"), at + ".error_tags");
				if (tags != null) {
					tags.forEach((tag, values) -> errorTags.put(tag, strings(values, at + ".error_tags." + tag)));
					if (tags.isEmpty() || errorTags.values().stream().anyMatch(List::isEmpty)) {
						this.problems.add(at + ".error_tags: at least one tag with at least one value is required");
					}
				}
				yield new Sli.CounterRatio(meter, errorTags);
			}
			default -> null;
		};
	}

	private HttpRequests requests(Map<String, Object> body, String path) {
		List<String> uris = strings(body.get("uris"), path + ".uris");
		for (int i = 0; i < uris.size(); i++) {
			if (!uris.get(i).startsWith("/")) {
				this.problems.add(path + ".uris[" + i + "]: a uri template like /api/orders/{id} is required, was \""
						+ uris.get(i) + "\"");
			}
		}
		return new HttpRequests(uris, strings(body.get("methods"), path + ".methods"));
	}

	private Duration threshold(Object value, String path) {
		Duration threshold = null;
		if (value instanceof Number number && number.doubleValue() > 0) {
			threshold = Duration.ofNanos(Math.round(number.doubleValue() * 1e9));
		}
		else if (value instanceof String text) {
			threshold = duration(text.trim());
		}
		if (threshold == null) {
			this.problems.add(path + ": a duration like 500ms or 1s (or seconds as a number) is required, was "
					+ quote(value));
			return null;
		}
		if (!this.buckets.contains(threshold)) {
			this.problems.add(path + ": " + format(threshold) + " is not a latency bucket the starter publishes ("
					+ String.join(", ", this.buckets.stream().map(SloSpecReader::format).toList())
					+ "); use one of them, or add it to sightline.metrics.slo-buckets");
		}
		return threshold;
	}

	private static Duration duration(String text) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s)").matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		double amount = Double.parseDouble(matcher.group(1));
		double nanos = amount * (matcher.group(2).equals("ms") ? 1e6 : 1e9);
		return (nanos > 0) ? Duration.ofNanos(Math.round(nanos)) : null;
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : (millis < 1000) ? millis + "ms" : (millis / 1000.0) + "s";
	}

	private SloSpec.Alerting defaultAlerting(String name) {
		String alert = (this.service == null || name == null) ? null : camel(this.service) + camel(name) + "BudgetBurn";
		return new SloSpec.Alerting(alert, Map.of(), Map.of(), Map.of(), Map.of());
	}

	private static String camel(String text) {
		StringBuilder camel = new StringBuilder();
		for (String part : text.split("[^a-zA-Z0-9]+")) {
			if (!part.isEmpty()) {
				camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return camel.toString();
	}

	private List<String> strings(Object value, String path) {
		if (value == null) {
			return List.of();
		}
		List<?> items = (value instanceof List<?> list) ? list : List.of(value);
		List<String> strings = new ArrayList<>();
		for (Object item : items) {
			if (item instanceof String || item instanceof Number) {
				strings.add(String.valueOf(item).trim());
			}
			else {
				this.problems.add(path + ": a list of plain values is required, was " + quote(value));
				return List.of();
			}
		}
		return strings;
	}

	/** Sloth's {@code interval}: {@code all}, or one per group ({@code slierror}, {@code metadata}, {@code alert}). */
	private SloSpec.Intervals intervals(Object value, String path) {
		if (value == null) {
			return SloSpec.Intervals.DEFAULT;
		}
		Map<String, Object> intervals = map(value, path);
		if (intervals == null) {
			return SloSpec.Intervals.DEFAULT;
		}
		known(intervals, INTERVAL, path + ".");
		String all = promDuration(intervals, "all", path);
		String sliErrors = promDuration(intervals, "slierror", path);
		String metadata = promDuration(intervals, "metadata", path);
		String alerts = promDuration(intervals, "alert", path);
		return new SloSpec.Intervals((sliErrors != null) ? sliErrors : all, (metadata != null) ? metadata : all,
				(alerts != null) ? alerts : all);
	}

	private String promDuration(Map<String, Object> map, String key, String path) {
		String text = text(map, key, path + "." + key, false);
		if (text != null && !text.matches("([0-9]+(ms|s|m|h|d|w|y))+")) {
			this.problems.add(path + "." + key + ": a Prometheus duration such as 2m or 1h30m is required, was \""
					+ text + "\"");
			return null;
		}
		return text;
	}

	private SloSpec.Alerting alerting(Object value, String path) {
		Map<String, Object> alerting = map(value, path);
		if (alerting == null) {
			return null;
		}
		known(alerting, ALERTING, path + ".");
		Map<String, String> page = alert(alerting.get("page_alert"), path + ".page_alert");
		Map<String, String> ticket = alert(alerting.get("ticket_alert"), path + ".ticket_alert");
		// as in Sloth: the alert name is needed only when an alert is generated
		String name = text(alerting, "name", path + ".name", page != null || ticket != null);
		return new SloSpec.Alerting(name, labels(alerting.get("labels"), path + ".labels"),
				labels(alerting.get("annotations"), path + ".annotations"), page, ticket);
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
		known(map, allowed, Map.of(), prefix);
	}

	/** Reports the fields not {@code allowed}: one of {@code refused} with its reason, any other as unknown. */
	private void known(Map<String, Object> map, Set<String> allowed, Map<String, String> refused, String prefix) {
		for (String key : map.keySet()) {
			if (refused.containsKey(key)) {
				this.problems.add(prefix + key + ": " + refused.get(key));
			}
			else if (!allowed.contains(key)) {
				this.problems.add(prefix + key + ": unknown field (known: " + String.join(", ", new TreeSet<>(allowed))
						+ ")");
			}
		}
	}

	private static String quote(Object value) {
		return (value == null) ? "nothing" : "\"" + value + "\"";
	}

}
