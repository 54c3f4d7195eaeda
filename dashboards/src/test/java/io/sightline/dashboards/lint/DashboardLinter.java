package io.sightline.dashboards.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lints one Grafana dashboard (JSON model, schema 39+) against the rules of
 * <a href="https://github.com/grafana/dashboard-linter">grafana/dashboard-linter</a> that apply to Sightline, plus
 * structural checks (ids, grid, provisioned data sources). {@link #lint} returns every violation, never stops at the
 * first; an empty list means the dashboard is clean. Rule names follow dashboard-linter's where it has the rule.
 *
 * <p>PromQL validity itself is left to {@code promtool} ({@link PromtoolRules}); this class only reports what its
 * scanner ({@link PromqlScanner}) cannot read.
 */
public final class DashboardLinter {

	public static final int MIN_SCHEMA_VERSION = 39;

	/** The grid is 24 columns wide. */
	public static final int GRID_COLUMNS = 24;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Grafana's built-in data sources: allowed on annotations only. */
	private static final Set<String> BUILT_IN_UIDS = Set.of("-- Grafana --", "grafana", "-- Dashboard --");

	/** Panel types that run no query. */
	private static final Set<String> NO_QUERY_TYPES = Set.of("row", "text", "news", "dashlist", "alertlist",
			"annolist");

	/** Panel types that show no numbers, hence need no unit: text and node graph, and the list-like ones. */
	private static final Set<String> NO_UNIT_TYPES = Set.of("row", "text", "nodeGraph", "logs", "traces", "news",
			"dashlist", "alertlist", "annolist");

	private static final Pattern COUNTER_LIKE = Pattern.compile(".+(_total|_count|_sum|_bucket)");

	/** Names that end like counters but are gauges. Micrometer's system.cpu.count is the one we meet. */
	private static final Set<String> KNOWN_GAUGES = Set.of("system_cpu_count");

	private static final Pattern VARIABLE_UID = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)}");

	private static final Pattern RATE_INTERVAL = Pattern.compile("\\$__rate_interval|\\$\\{__rate_interval}");

	private static final Pattern DS_PLACEHOLDER = Pattern.compile("\\$\\{?DS_");

	private static final Pattern UID_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	private static final Pattern VARIABLE_QUERY = Pattern
		.compile("\\s*(label_values|label_names|metrics|query_result)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

	/** Custom units: {@code suffix:d}, {@code prefix:€}, {@code si:B}, {@code count:…}, {@code currency:…}. */
	private static final Pattern CUSTOM_UNIT = Pattern.compile("(prefix|suffix|si|count|currency|time):.+");

	/** Grafana's unit ids (packages/grafana-data/src/valueFormats/categories.ts), as dashboard-linter lists them. */
	private static final Set<String> UNITS = Set.of("none", "string", "short", "percent", "percentunit", "humidity",
			"dB", "hex0x", "hex", "sci", "locale", "pixel", "accMS2", "accFS2", "accG", "degree", "radian", "grad",
			"arcmin", "arcsec", "areaM2", "areaF2", "areaMI2", "flops", "mflops", "gflops", "tflops", "pflops",
			"eflops", "zflops", "yflops", "ppm", "conppb", "conngm3", "conngNm3", "conμgm3", "conμgNm3", "conmgm3",
			"conmgNm3", "congm3", "congNm3", "conmgdL", "conmmolL", "currencyUSD", "currencyGBP", "currencyEUR",
			"currencyJPY", "bytes", "decbytes", "bits", "decbits", "kbytes", "deckbytes", "mbytes", "decmbytes",
			"gbytes", "decgbytes", "tbytes", "dectbytes", "pbytes", "decpbytes", "pps", "binBps", "Bps", "binbps",
			"bps", "KiBs", "Kibits", "KBs", "Kbits", "MiBs", "Mibits", "MBs", "Mbits", "GiBs", "Gibits", "GBs",
			"Gbits", "TiBs", "Tibits", "TBs", "Tbits", "PiBs", "Pibits", "PBs", "Pbits", "dateTimeAsIso",
			"dateTimeAsIsoNoDateIfToday", "dateTimeAsUS", "dateTimeAsUSNoDateIfToday", "dateTimeAsLocal",
			"dateTimeAsLocalNoDateIfToday", "dateTimeAsSystem", "dateTimeFromNow", "watt", "kwatt", "megwatt",
			"gwatt", "mwatt", "Wm2", "voltamp", "kvoltamp", "voltampreact", "kvoltampreact", "watth", "watthperkg",
			"kwatth", "kwattm", "amph", "kamph", "mamph", "joule", "ev", "amp", "kamp", "mamp", "volt", "kvolt",
			"mvolt", "dBm", "ohm", "kohm", "Mohm", "farad", "µfarad", "nfarad", "pfarad", "ffarad", "henry", "mhenry",
			"µhenry", "lumens", "flowgpm", "flowcms", "flowcfs", "flowcfm", "litreh", "flowlpm", "flowmlpm", "lux",
			"forceNm", "forcekNm", "forceN", "forcekN", "Hs", "KHs", "MHs", "GHs", "THs", "PHs", "EHs", "massmg",
			"massg", "masslb", "masskg", "masst", "lengthmm", "lengthin", "lengthft", "lengthm", "lengthkm",
			"lengthmi", "pressurembar", "pressurebar", "pressurekbar", "pressurepa", "pressurehpa", "pressurekpa",
			"pressurehg", "pressurepsi", "celsius", "fahrenheit", "kelvin", "hertz", "ns", "µs", "ms", "s", "m", "h",
			"d", "dtdurationms", "dtdurations", "dthms", "dtdhms", "timeticks", "clockms", "clocks", "cps", "ops",
			"reqps", "rps", "wps", "iops", "cpm", "opm", "rpm", "wpm", "velocityms", "velocitykmh", "velocitymph",
			"velocityknot", "mlitre", "litre", "m3", "Nm3", "dm3", "gallons", "bool", "bool_yes_no", "bool_on_off");

	private final Map<String, String> provisioned;

	/** @param provisioned uid → type of every provisioned data source ({@link ProvisionedDatasources}) */
	public DashboardLinter(Map<String, String> provisioned) {
		this.provisioned = Map.copyOf(provisioned);
	}

	/** Parses and lints {@code json}, the content of the file {@code fileName}. */
	public List<Violation> lint(String fileName, String json) {
		JsonNode dashboard;
		try {
			dashboard = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of(new Violation(fileName, "-", "dashboard-json-rule",
					"not valid JSON: " + ex.getOriginalMessage()));
		}
		if (dashboard == null || !dashboard.isObject()) {
			return List.of(new Violation(fileName, "-", "dashboard-json-rule", "not a JSON object"));
		}
		return lint(fileName, dashboard);
	}

	public List<Violation> lint(String fileName, JsonNode dashboard) {
		return new Run(fileName, dashboard).run();
	}

	/** A PromQL expression of the dashboard, with where it is. */
	public record Expression(Kind kind, String where, String expr, JsonNode panel, JsonNode target) {

		public enum Kind {

			/** a panel's query */
			TARGET,
			/** an annotation's query */
			ANNOTATION,
			/** the series selector or query of a {@code label_values(…)} / {@code query_result(…)} variable */
			VARIABLE

		}

	}

	/** Every PromQL expression in {@code dashboard}: targets and annotations on Prometheus, variable queries. */
	public List<Expression> expressions(JsonNode dashboard) {
		return new Run("", dashboard).expressions();
	}

	/** The arguments of a call, split at top-level commas (outside parentheses, braces and strings). */
	static List<String> splitArguments(String arguments) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		char quote = 0;
		int start = 0;
		for (int i = 0; i < arguments.length(); i++) {
			char c = arguments.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'' || c == '`') {
				quote = c;
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(arguments.substring(start, i).trim());
				start = i + 1;
			}
		}
		parts.add(arguments.substring(start).trim());
		return parts;
	}

	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
			return "";
		}
		return node.isString() ? node.stringValue() : node.asString();
	}

	/** The name of the variable {@code uid} refers to ({@code $name} or {@code ${name}}), else {@code null}. */
	static String variableName(String uid) {
		Matcher matcher = VARIABLE_UID.matcher(uid);
		if (!matcher.matches()) {
			return null;
		}
		return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
	}

	/** One lint run over one dashboard. */
	private final class Run {

		private final String file;

		private final JsonNode dashboard;

		private final List<Violation> violations = new ArrayList<>();

		/** datasource variables: name → plugin type (their query) */
		private final Map<String, String> datasourceVariables = new LinkedHashMap<>();

		private final LintProfile profile;

		Run(String file, JsonNode dashboard) {
			this.file = file;
			this.dashboard = dashboard;
			for (JsonNode variable : variables()) {
				if ("datasource".equals(text(variable.get("type")))) {
					this.datasourceVariables.put(text(variable.get("name")), text(variable.get("query")));
				}
			}
			this.profile = LintProfile.forUid(text(dashboard.get("uid")));
		}

		List<Violation> run() {
			dashboardRules();
			templateRules();
			panelRules();
			datasourceReferences(this.dashboard, "");
			for (Expression expression : expressions()) {
				if (expression.kind() != Expression.Kind.VARIABLE) {
					expressionRules(expression);
				}
			}
			return List.copyOf(this.violations);
		}

		private void add(String where, String rule, String message) {
			this.violations.add(new Violation(this.file, where, rule, message));
		}

		// ------------------------------------------------------------------ dashboard

		private void dashboardRules() {
			JsonNode schemaVersion = this.dashboard.get("schemaVersion");
			if (schemaVersion == null || !schemaVersion.isIntegralNumber()
					|| schemaVersion.intValue() < MIN_SCHEMA_VERSION) {
				add("-", "dashboard-schema-version-rule", "schemaVersion is " + schemaVersion + ", must be >= "
						+ MIN_SCHEMA_VERSION + " (Grafana 10.4+ JSON model)");
			}
			String uid = text(this.dashboard.get("uid"));
			String expectedUid = this.file.endsWith(".json") ? this.file.substring(0, this.file.length() - 5)
					: this.file;
			if (uid.isBlank()) {
				add("-", "dashboard-uid-rule", "no fixed uid: links and provisioning need one");
			}
			else {
				if (!UID_CHARACTERS.matcher(uid).matches()) {
					add("-", "dashboard-uid-rule", "uid '" + uid + "' must be 1-40 characters of [A-Za-z0-9_-]");
				}
				if (!uid.equals(expectedUid)) {
					add("-", "dashboard-uid-rule", "uid '" + uid + "' differs from the file name '" + this.file
							+ "' (expected uid '" + expectedUid + "')");
				}
			}
			if (text(this.dashboard.get("title")).isBlank()) {
				add("-", "dashboard-title-rule", "no title");
			}
			JsonNode tags = this.dashboard.get("tags");
			if (tags == null || !tags.isArray() || tags.isEmpty()) {
				add("-", "dashboard-tags-rule", "no tags");
			}
			else {
				tags.values().stream().filter((tag) -> text(tag).isBlank()).findAny()
					.ifPresent((tag) -> add("-", "dashboard-tags-rule", "a blank tag"));
			}
			if (this.dashboard.has("__inputs")) {
				add("-", "dashboard-no-inputs-rule",
						"has __inputs: an export \"for sharing externally\", which provisioning cannot fill in");
			}
			List<String> placeholders = new ArrayList<>();
			strings(this.dashboard, "", placeholders, null);
			for (String entry : placeholders) {
				String value = entry.substring(entry.indexOf('\u0000') + 1);
				if (DS_PLACEHOLDER.matcher(value).find()) {
					add(entry.substring(0, entry.indexOf('\u0000')), "dashboard-no-inputs-rule",
							"export placeholder in '" + value + "': use the ${datasource} variable");
				}
			}
			JsonNode panels = this.dashboard.get("panels");
			if (panels == null || !panels.isArray() || panels.isEmpty()) {
				add("-", "panel-no-targets-rule", "no panels");
			}
		}

		// ------------------------------------------------------------------ templating

		private List<JsonNode> variables() {
			JsonNode list = this.dashboard.path("templating").path("list");
			return list.isArray() ? new ArrayList<>(list.values()) : List.of();
		}

		private JsonNode variable(String name) {
			return variables().stream().filter((v) -> name.equals(text(v.get("name")))).findFirst().orElse(null);
		}

		private String query(JsonNode variable) {
			JsonNode query = variable.get("query");
			String text = (query != null && query.isObject()) ? text(query.get("query")) : text(query);
			return text.isBlank() ? text(variable.get("definition")) : text;
		}

		private void templateRules() {
			JsonNode datasource = variable("datasource");
			if (datasource == null) {
				add("-", "template-datasource-rule", "no templated data source: add a variable 'datasource' "
						+ "of type datasource with query 'prometheus'");
			}
			else if (!"datasource".equals(text(datasource.get("type")))
					|| !"prometheus".equals(text(datasource.get("query")))) {
				add("variable datasource", "template-datasource-rule", "must be of type 'datasource' with query "
						+ "'prometheus', is type '" + text(datasource.get("type")) + "' with query '"
						+ text(datasource.get("query")) + "'");
			}
			this.datasourceVariables.forEach((name, pluginType) -> {
				if (!DashboardLinter.this.provisioned.containsValue(pluginType)) {
					add("variable " + name, "datasource-exists-rule", "no provisioned data source of type '"
							+ pluginType + "' (provisioned: " + DashboardLinter.this.provisioned + ")");
				}
			});
			for (LintProfile.RequiredVariable required : this.profile.variables()) {
				requiredVariable(required);
			}
			for (JsonNode variable : variables()) {
				String name = text(variable.get("name"));
				String where = "variable " + name;
				if (!"query".equals(text(variable.get("type")))) {
					continue;
				}
				if (!variable.path("refresh").isIntegralNumber() || variable.path("refresh").intValue() != 2) {
					add(where, "template-on-time-change-reload-rule", "refresh is " + variable.get("refresh")
							+ ", must be 2 (on time range change)");
				}
				if (isPrometheus(variable.get("datasource"))) {
					Matcher matcher = VARIABLE_QUERY.matcher(query(variable));
					if (!matcher.matches()) {
						add(where, "template-label-promql-rule", "query '" + query(variable) + "' is not "
								+ "label_values(…), label_names(…), metrics(…) or query_result(…)");
					}
					else {
						variableExpression(name, query(variable))
							.ifPresent((expr) -> PromqlScanner.analyze(expr).errors().forEach((error) -> add(where,
									"template-label-promql-rule", "cannot read '" + expr + "': " + error)));
					}
				}
				if (!isUsed(name, variable)) {
					add(where, "template-unused-rule", "not used by any query, title or other variable");
				}
			}
		}

		private void requiredVariable(LintProfile.RequiredVariable required) {
			String where = "variable " + required.name();
			JsonNode variable = variable(required.name());
			if (variable == null) {
				add("-", "template-required-variables-rule", "no '" + required.name() + "' variable ("
						+ this.profile.reason() + ": label_values(…, " + required.label() + "))");
				return;
			}
			if (!"query".equals(text(variable.get("type")))) {
				add(where, "template-required-variables-rule", "must be a query variable, is '"
						+ text(variable.get("type")) + "'");
			}
			String uid = text(variable.path("datasource").get("uid"));
			if (!"datasource".equals(variableName(uid))) {
				add(where, "template-required-variables-rule", "must query the ${datasource} variable, "
						+ "queries '" + uid + "'");
			}
			Matcher matcher = VARIABLE_QUERY.matcher(query(variable));
			List<String> arguments = matcher.matches() ? splitArguments(matcher.group(2)) : List.of();
			if (!matcher.matches() || !"label_values".equals(matcher.group(1))
					|| !required.label().equals(arguments.get(arguments.size() - 1))) {
				add(where, "template-required-variables-rule", "query must be label_values(…, " + required.label()
						+ "), is '" + query(variable) + "'");
			}
		}

		/** Whether {@code $name} appears anywhere in the dashboard but in its own definition. */
		private boolean isUsed(String name, JsonNode self) {
			Pattern reference = Pattern.compile("\\$" + Pattern.quote(name) + "\\b|\\$\\{" + Pattern.quote(name)
					+ "(:[^}]*)?}|\\[\\[" + Pattern.quote(name) + "(:[^]]*)?]]");
			List<String> values = new ArrayList<>();
			strings(this.dashboard, "", values, self);
			return values.stream().anyMatch((value) -> reference.matcher(value).find());
		}

		// ------------------------------------------------------------------ panels

		private record Placed(JsonNode panel, JsonNode row) {
		}

		private List<Placed> panels() {
			List<Placed> placed = new ArrayList<>();
			JsonNode panels = this.dashboard.path("panels");
			for (JsonNode panel : panels.isArray() ? panels.values() : List.<JsonNode>of()) {
				placed.add(new Placed(panel, null));
				if ("row".equals(text(panel.get("type"))) && panel.path("panels").isArray()) {
					panel.path("panels").values().forEach((child) -> placed.add(new Placed(child, panel)));
				}
			}
			return placed;
		}

		private String where(JsonNode panel) {
			return ("row".equals(text(panel.get("type"))) ? "row #" : "panel #") + text(panel.get("id")) + " \""
					+ text(panel.get("title")) + "\"";
		}

		private void panelRules() {
			Map<String, String> ids = new HashMap<>();
			for (Placed placed : panels()) {
				JsonNode panel = placed.panel();
				String where = where(panel);
				String type = text(panel.get("type"));
				JsonNode id = panel.get("id");
				if (id == null || !id.isIntegralNumber()) {
					add(where, "panel-id-rule", "no numeric id");
				}
				else if (ids.putIfAbsent(text(id), where) != null) {
					add(where, "panel-id-rule", "id " + text(id) + " is also the id of " + ids.get(text(id)));
				}
				if (type.isBlank()) {
					add(where, "panel-type-rule", "no type");
				}
				if (text(panel.get("title")).isBlank()) {
					add(where, "panel-title-description-rule", "no title");
				}
				if (!"row".equals(type) && !"text".equals(type) && text(panel.get("description")).isBlank()) {
					add(where, "panel-title-description-rule", "no description");
				}
				if (!NO_UNIT_TYPES.contains(type)) {
					units(panel, type, where);
				}
				if (!NO_QUERY_TYPES.contains(type)) {
					targets(panel, where);
				}
				panelDatasource(panel, where);
			}
			grid();
		}

		private void units(JsonNode panel, String type, String where) {
			String unit = text(panel.path("fieldConfig").path("defaults").get("unit"));
			List<String> units = new ArrayList<>();
			if (!unit.isBlank()) {
				units.add(unit);
			}
			else if ("table".equals(type)) {
				// dashboard-linter accepts units set per column by overrides on tables
				for (JsonNode override : panel.path("fieldConfig").path("overrides").values()) {
					for (JsonNode property : override.path("properties").values()) {
						if ("unit".equals(text(property.get("id")))) {
							units.add(text(property.get("value")));
						}
					}
				}
			}
			if (units.isEmpty()) {
				add(where, "panel-units-rule", "no unit in fieldConfig.defaults.unit (use 'none' for a plain "
						+ "number)");
			}
			for (String candidate : units) {
				if (!UNITS.contains(candidate) && !CUSTOM_UNIT.matcher(candidate).matches()) {
					add(where, "panel-units-rule", "unknown unit '" + candidate + "'");
				}
			}
		}

		private void targets(JsonNode panel, String where) {
			JsonNode targets = panel.get("targets");
			if (targets == null || !targets.isArray() || targets.isEmpty()) {
				add(where, "panel-no-targets-rule", "no targets");
				return;
			}
			Set<String> refIds = new HashSet<>();
			for (JsonNode target : targets.values()) {
				String refId = text(target.get("refId"));
				if (refId.isBlank() || !refIds.add(refId)) {
					add(where, "panel-no-targets-rule", "target refId '" + refId + "' is blank or not unique");
				}
				JsonNode datasource = target.has("datasource") && !target.get("datasource").isNull()
						? target.get("datasource") : panel.get("datasource");
				if (isPrometheus(datasource) && text(target.get("expr")).isBlank()) {
					add(where + " target " + refId, "panel-no-targets-rule", "no expr");
				}
			}
		}

		private void panelDatasource(JsonNode panel, String where) {
			JsonNode datasource = panel.get("datasource");
			boolean hasTargets = panel.path("targets").isArray() && !panel.path("targets").isEmpty();
			if (datasource == null || datasource.isNull()) {
				if (hasTargets) {
					add(where, "panel-datasource-rule", "has targets but no datasource: use {\"type\": "
							+ "\"prometheus\", \"uid\": \"${datasource}\"}");
				}
			}
			else {
				templated(datasource, where);
			}
			for (JsonNode target : hasTargets ? panel.get("targets").values() : List.<JsonNode>of()) {
				JsonNode targetDatasource = target.get("datasource");
				if (targetDatasource != null && !targetDatasource.isNull()) {
					templated(targetDatasource, where + " target " + text(target.get("refId")));
				}
			}
		}

		/** A panel's or target's datasource must be a datasource variable ({@code ${datasource}}). */
		private void templated(JsonNode datasource, String where) {
			if (!datasource.isObject()) {
				return; // a legacy string reference: datasource-ref-rule
			}
			String uid = text(datasource.get("uid"));
			String variable = variableName(uid);
			if (variable == null || !this.datasourceVariables.containsKey(variable)) {
				add(where, "panel-datasource-rule", "does not use a templated data source, uses '" + uid + "'"
						+ (BUILT_IN_UIDS.contains(uid) ? " (built-in data sources are for annotations only)" : ""));
				return;
			}
			String type = text(datasource.get("type"));
			if (!type.isBlank() && !type.equals(this.datasourceVariables.get(variable))) {
				add(where, "panel-datasource-rule", "type '" + type + "' but $" + variable + " selects '"
						+ this.datasourceVariables.get(variable) + "'");
			}
		}

		private void grid() {
			List<JsonNode> top = new ArrayList<>();
			Map<JsonNode, List<JsonNode>> collapsed = new LinkedHashMap<>();
			for (Placed placed : panels()) {
				if (placed.row() == null) {
					top.add(placed.panel());
				}
				else {
					collapsed.computeIfAbsent(placed.row(), (row) -> new ArrayList<>()).add(placed.panel());
				}
			}
			overlaps(top);
			// a collapsed row's panels are laid out when it opens: they only must not overlap each other
			collapsed.values().forEach(this::overlaps);
		}

		private void overlaps(List<JsonNode> panels) {
			List<int[]> boxes = new ArrayList<>();
			List<JsonNode> placed = new ArrayList<>();
			for (JsonNode panel : panels) {
				JsonNode grid = panel.get("gridPos");
				String where = where(panel);
				if (grid == null || !grid.isObject() || !List.of("x", "y", "w", "h").stream()
					.allMatch((key) -> grid.path(key).isIntegralNumber())) {
					add(where, "panel-gridpos-rule", "gridPos needs integer x, y, w and h");
					continue;
				}
				int x = grid.get("x").intValue();
				int y = grid.get("y").intValue();
				int w = grid.get("w").intValue();
				int h = grid.get("h").intValue();
				if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > GRID_COLUMNS) {
					add(where, "panel-gridpos-rule", "gridPos " + grid + " is outside the " + GRID_COLUMNS
							+ "-column grid");
				}
				for (int i = 0; i < boxes.size(); i++) {
					int[] other = boxes.get(i);
					if (x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h) {
						add(where, "panel-gridpos-rule", "gridPos " + grid + " overlaps " + where(placed.get(i)));
					}
				}
				boxes.add(new int[] { x, y, w, h });
				placed.add(panel);
			}
		}

		// ------------------------------------------------------------------ data sources

		/** Every datasource reference anywhere: a datasource variable, a built-in, or a provisioned uid. */
		private void datasourceReferences(JsonNode node, String path) {
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					String childPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
					if ("datasource".equals(property.getKey())) {
						datasourceReference(property.getValue(), childPath);
					}
					datasourceReferences(property.getValue(), childPath);
				}
			}
			else if (node.isArray()) {
				int i = 0;
				for (JsonNode element : node.values()) {
					datasourceReferences(element, path + "[" + i++ + "]");
				}
			}
		}

		private void datasourceReference(JsonNode datasource, String path) {
			if (datasource.isNull()) {
				return;
			}
			if (datasource.isString()) {
				add(path, "datasource-ref-rule", "legacy string reference '" + datasource.stringValue()
						+ "': use an object {\"type\": …, \"uid\": …}");
				return;
			}
			if (!datasource.isObject()) {
				return;
			}
			String uid = text(datasource.get("uid"));
			String type = text(datasource.get("type"));
			String variable = variableName(uid);
			if (uid.isBlank()) {
				add(path, "datasource-exists-rule", "no uid");
			}
			else if (variable != null) {
				// on panels and targets, panel-datasource-rule reports it already
				if (!this.datasourceVariables.containsKey(variable) && !path.startsWith("panels")) {
					add(path, "datasource-exists-rule", "'" + uid + "' is not a datasource variable of this "
							+ "dashboard");
				}
			}
			else if (!BUILT_IN_UIDS.contains(uid)) {
				if (!DashboardLinter.this.provisioned.containsKey(uid)) {
					add(path, "datasource-exists-rule", "uid '" + uid + "' is not provisioned (provisioned: "
							+ DashboardLinter.this.provisioned.keySet() + ")");
				}
				else if (!type.isBlank() && !type.equals(DashboardLinter.this.provisioned.get(uid))) {
					add(path, "datasource-exists-rule", "type '" + type + "' but '" + uid + "' is provisioned as '"
							+ DashboardLinter.this.provisioned.get(uid) + "'");
				}
			}
		}

		private boolean isPrometheus(JsonNode datasource) {
			if (datasource == null || !datasource.isObject()) {
				return false;
			}
			String uid = text(datasource.get("uid"));
			String variable = variableName(uid);
			if (variable != null && this.datasourceVariables.containsKey(variable)) {
				return "prometheus".equals(this.datasourceVariables.get(variable));
			}
			if (DashboardLinter.this.provisioned.containsKey(uid)) {
				return "prometheus".equals(DashboardLinter.this.provisioned.get(uid));
			}
			return "prometheus".equals(text(datasource.get("type")));
		}

		// ------------------------------------------------------------------ expressions

		List<Expression> expressions() {
			List<Expression> expressions = new ArrayList<>();
			for (Placed placed : panels()) {
				JsonNode panel = placed.panel();
				JsonNode targets = panel.path("targets");
				for (JsonNode target : targets.isArray() ? targets.values() : List.<JsonNode>of()) {
					JsonNode datasource = target.has("datasource") && !target.get("datasource").isNull()
							? target.get("datasource") : panel.get("datasource");
					String expr = text(target.get("expr"));
					if (isPrometheus(datasource) && !expr.isBlank()) {
						expressions.add(new Expression(Expression.Kind.TARGET,
								where(panel) + " target " + text(target.get("refId")), expr, panel, target));
					}
				}
			}
			JsonNode annotations = this.dashboard.path("annotations").path("list");
			for (JsonNode annotation : annotations.isArray() ? annotations.values() : List.<JsonNode>of()) {
				String expr = text(annotation.get("expr"));
				if (expr.isBlank()) {
					expr = text(annotation.path("target").get("expr"));
				}
				if (isPrometheus(annotation.get("datasource")) && !expr.isBlank()) {
					expressions.add(new Expression(Expression.Kind.ANNOTATION,
							"annotation \"" + text(annotation.get("name")) + "\"", expr, null, annotation));
				}
			}
			for (JsonNode variable : variables()) {
				if ("query".equals(text(variable.get("type"))) && isPrometheus(variable.get("datasource"))) {
					String name = text(variable.get("name"));
					variableExpression(name, query(variable)).ifPresent((expr) -> expressions
						.add(new Expression(Expression.Kind.VARIABLE, "variable " + name, expr, null, variable)));
				}
			}
			return expressions;
		}

		/** The PromQL inside a variable query: label_values(SELECTOR, label), label_names(SELECTOR), query_result(EXPR). */
		private java.util.Optional<String> variableExpression(String name, String query) {
			Matcher matcher = VARIABLE_QUERY.matcher(query);
			if (!matcher.matches()) {
				return java.util.Optional.empty();
			}
			String function = matcher.group(1);
			String arguments = matcher.group(2).trim();
			List<String> parts = splitArguments(arguments);
			String expr = switch (function) {
				case "label_values" -> (parts.size() >= 2) ? String.join(", ", parts.subList(0, parts.size() - 1))
						: null;
				case "label_names" -> arguments.isEmpty() ? null : arguments;
				case "query_result" -> arguments;
				default -> null;
			};
			return java.util.Optional.ofNullable(expr).filter((e) -> !e.isBlank());
		}

		private void expressionRules(Expression expression) {
			String where = expression.where();
			String expr = expression.expr();
			PromqlScanner.Analysis analysis = PromqlScanner.analyze(expr);
			analysis.errors().forEach((error) -> add(where, "target-promql-rule",
					"cannot read '" + expr + "': " + error));
			for (PromqlScanner.RangeCall call : analysis.calls()) {
				if (!PromqlScanner.RATE_FUNCTIONS.contains(call.function())) {
					continue;
				}
				if (call.range() == null) {
					add(where, "target-rate-interval-rule", call.function() + "(…) without a range in '" + expr + "'");
				}
				else if (!RATE_INTERVAL.matcher(call.range()).matches()) {
					add(where, "target-rate-interval-rule", call.function() + "(…[" + call.range()
							+ "]) should use [$__rate_interval] in '" + expr + "'");
				}
			}
			boolean heatmap = "heatmap".equals(text(expression.target().get("format")))
					|| (expression.panel() != null && "heatmap".equals(text(expression.panel().get("type"))));
			for (PromqlScanner.Selector selector : analysis.selectors()) {
				String metric = selector.metric();
				if (metric != null && COUNTER_LIKE.matcher(metric).matches() && !KNOWN_GAUGES.contains(metric)
						&& !metric.startsWith("slo:")) {
					String call = selector.immediateCall();
					if (selector.range() == null || call == null
							|| !PromqlScanner.COUNTER_FUNCTIONS.contains(call.toLowerCase(Locale.ROOT))) {
						add(where, "target-counter-agg-rule", "counter '" + selector + "' is not inside rate, irate, "
								+ "increase or resets, in '" + expr + "'");
					}
				}
				if (metric != null && metric.endsWith("_bucket") && !heatmap
						&& selector.enclosing().stream().noneMatch(
								(call) -> call.equals("histogram_quantile") || call.equals("histogram_fraction"))
						&& selector.matcher("le").filter((le) -> le.op().equals("=")).isEmpty()) {
					add(where, "target-histogram-rule", "bucket series '" + selector + "' is neither inside "
							+ "histogram_quantile(…) nor pinned to one le=\"…\" nor shown as a heatmap, in '" + expr
							+ "'");
				}
				requiredMatcher(where, expr, selector);
			}
		}

		private void requiredMatcher(String where, String expr, PromqlScanner.Selector selector) {
			if (this.profile.exemptMetric().test(selector.metric())) {
				return;
			}
			String label = this.profile.selectorLabel();
			String rule = "target-" + label + "-rule";
			java.util.Optional<PromqlScanner.Matcher> matcher = selector.matcher(label).filter(PromqlScanner.Matcher::isEquality);
			if (matcher.isEmpty()) {
				add(where, rule, "'" + selector + "' has no " + (this.profile.selectorValueMustBeVariable()
						? label + "=~\"$" + label + "\"" : label) + " matcher, in '" + expr + "'");
			}
			else if (this.profile.selectorValueMustBeVariable()
					&& !matcher.get().value().matches("\\$" + label + "|\\$\\{" + label + "(:\\w+)?}")) {
				add(where, rule, "'" + selector + "' must select " + label + "=~\"$" + label + "\", selects "
						+ label + matcher.get().op() + "\"" + matcher.get().value() + "\", in '" + expr + "'");
			}
			else if (matcher.get().value().isBlank()) {
				add(where, rule, "'" + selector + "' has an empty " + label + " matcher, in '" + expr + "'");
			}
		}

		// ------------------------------------------------------------------ helpers

		/** Collects "path\0value" of every string under {@code node}, skipping the subtree {@code skip}. */
		private void strings(JsonNode node, String path, List<String> into, JsonNode skip) {
			if (node == skip) {
				return;
			}
			if (node.isString()) {
				into.add(path + '\u0000' + node.stringValue());
			}
			else if (node.isObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					strings(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
							into, skip);
				}
			}
			else if (node.isArray()) {
				int i = 0;
				for (JsonNode element : node.values()) {
					strings(element, path + "[" + i++ + "]", into, skip);
				}
			}
		}

	}

}
