package io.sightline.slo.grafana;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.sightline.slo.MultiWindowAlerts;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Grafana dashboard (JSON model, schema 39: Grafana 10 and 11) for a set of SLOs, reading the
 * Sloth-compatible recording rules of {@code io.sightline.slo.rules.SloRuleGenerator}: the
 * {@code slo:*} recordings, {@code sloth_slo_info} and the {@code ALERTS} of the burn-rate alerts.
 *
 * <p>
 * An overview row (error budget tiles, firing alerts, a table of every SLO, budget and burn-rate
 * trends), then one collapsed row per SLO, in the order given: SLI and budget stats, the time to
 * exhaustion, the budget and error ratio over time, the burn rate over the alert windows with the
 * alert factors as dashed threshold lines, and the state of its page and ticket alerts.
 *
 * <p>
 * The output is byte-identical for the same input: keys sorted like Grafana's own export, 2-space
 * indent, a trailing newline.
 */
public final class SloDashboard {

	/** The dashboard's uid: the rule generator's alerts link to {@code /d/sightline-slo/...}. */
	public static final String UID = "sightline-slo";

	/** Grafana's JSON model version of the dashboard. */
	public static final int SCHEMA_VERSION = 39;

	/** Every panel, variable and annotation queries the data source the variable selects. */
	static final String DATASOURCE_UID = "${datasource}";

	/** The windows of the burn-rate panel, besides the long windows of the thresholds. */
	private static final List<Duration> BURN_RATE_WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

	/** The window of the time-to-exhaustion stat and the overview's burn-rate trend. */
	private static final Duration RECENT = Duration.ofHours(1);

	/** Budget remaining below this share is amber, below 0 red. */
	private static final double BUDGET_AT_RISK = 0.25;

	private static final String ON = " / on(sloth_id, sloth_service, sloth_slo) ";

	private static final String SERVICE_QUERY = "label_values(sloth_slo_info, sloth_service)";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
		.withObjectNameValueSpacing(Separators.Spacing.AFTER)
		.withObjectEmptySeparator("")
		.withArrayEmptySeparator(""))
		.withObjectIndenter(new DefaultIndenter("  ", "\n"))
		.withArrayIndenter(new DefaultIndenter("  ", "\n"));

	private SloDashboard() {
	}

	/**
	 * One SLO to show. thresholds: the page/ticket burn-rate thresholds, in window order.
	 *
	 * @param service the {@code sloth_service} label
	 * @param name the {@code sloth_slo} label
	 * @param description what the SLO promises, or {@code null}
	 * @param objectivePercent the objective, in (0, 100), e.g. 99.9
	 * @param period the SLO period, e.g. 30 days: the {@code slo:sli_error:ratio_rate30d} recording
	 * @param alertName the burn-rate alerts' {@code alertname}, or {@code null} when it has no alerts
	 * @param thresholds the burn-rate alert conditions, drawn on the burn-rate panel
	 */
	public record Slo(String service, String name, String description, double objectivePercent, Duration period,
			String alertName, List<BurnThreshold> thresholds) {
	}

	/**
	 * One multi-window burn-rate alert condition, e.g.
	 * {@code new BurnThreshold("page", Duration.ofHours(1), Duration.ofMinutes(5), 14.4)}.
	 *
	 * @param severity the alerts' {@code sloth_severity}: page or ticket
	 * @param longWindow the window that proves the burn is significant
	 * @param shortWindow the window that proves it still happens
	 * @param factor the burn rate both windows must exceed
	 */
	public record BurnThreshold(String severity, Duration longWindow, Duration shortWindow, double factor) {
	}

	/**
	 * The dashboard JSON (pretty-printed, 2-space indent, trailing newline, stable order:
	 * byte-identical for the same input).
	 * @throws IllegalArgumentException naming the problem when the title or an SLO is invalid
	 */
	public static String render(String title, List<Slo> slos) {
		validate(title, slos);
		ObjectNode dashboard = new Builder(slos).dashboard(title);
		return MAPPER.writer().with(PRETTY).writeValueAsString(dashboard) + "\n";
	}

	// ---- validation

	private static void validate(String title, List<Slo> slos) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("the dashboard title must not be blank");
		}
		if (slos == null || slos.isEmpty()) {
			throw new IllegalArgumentException("the dashboard needs at least one SLO");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < slos.size(); i++) {
			Slo slo = slos.get(i);
			String at = "SLO #" + (i + 1);
			if (slo == null) {
				throw new IllegalArgumentException(at + " is null");
			}
			if (slo.service() == null || slo.service().isBlank()) {
				throw new IllegalArgumentException(at + ": the service must not be blank");
			}
			if (slo.name() == null || slo.name().isBlank()) {
				throw new IllegalArgumentException(at + " of service " + slo.service() + ": the name must not be blank");
			}
			at = at + " (" + slo.service() + "/" + slo.name() + ")";
			if (!ids.add(slo.service() + "\n" + slo.name())) {
				throw new IllegalArgumentException(at + ": listed twice");
			}
			if (!(slo.objectivePercent() > 0 && slo.objectivePercent() < 100)) {
				throw new IllegalArgumentException(
						at + ": the objective must be in (0, 100) percent, was " + slo.objectivePercent());
			}
			Duration longest = MultiWindowAlerts.recordedWindows().get(MultiWindowAlerts.recordedWindows().size() - 1);
			if (slo.period() == null || slo.period().compareTo(longest) < 0) {
				throw new IllegalArgumentException(at + ": the period must be at least the longest alert window ("
						+ window(longest) + "), was " + ((slo.period() != null) ? window(slo.period()) : "null"));
			}
			if (slo.alertName() != null && slo.alertName().isBlank()) {
				throw new IllegalArgumentException(at + ": the alert name must not be blank (null when it has no alerts)");
			}
			if (slo.thresholds() == null) {
				throw new IllegalArgumentException(at + ": the thresholds must not be null (empty when it has no alerts)");
			}
			for (BurnThreshold threshold : slo.thresholds()) {
				validate(at, threshold);
			}
		}
	}

	private static void validate(String at, BurnThreshold threshold) {
		if (threshold == null) {
			throw new IllegalArgumentException(at + ": a burn-rate threshold is null");
		}
		if (threshold.severity() == null || threshold.severity().isBlank()) {
			throw new IllegalArgumentException(at + ": a burn-rate threshold's severity must not be blank");
		}
		for (Duration window : new Duration[] { threshold.longWindow(), threshold.shortWindow() }) {
			if (window == null || !MultiWindowAlerts.recordedWindows().contains(window)) {
				throw new IllegalArgumentException(at + ": no error ratio is recorded for the burn-rate window "
						+ ((window != null) ? window(window) : "null") + " (recorded: "
						+ MultiWindowAlerts.recordedWindows().stream().map(SloDashboard::window).collect(Collectors.joining(", "))
						+ ")");
			}
		}
		if (threshold.longWindow().compareTo(threshold.shortWindow()) <= 0) {
			throw new IllegalArgumentException(at + ": the long window " + window(threshold.longWindow())
					+ " must be longer than the short window " + window(threshold.shortWindow()));
		}
		if (!(threshold.factor() > 0 && Double.isFinite(threshold.factor()))) {
			throw new IllegalArgumentException(
					at + ": the " + threshold.severity() + " burn-rate factor must be positive, was " + threshold.factor());
		}
	}

	// ---- the dashboard

	/** Builds the JSON of one dashboard, numbering panels as it goes. */
	private static final class Builder {

		private final List<Slo> slos;

		/** Selects every SLO of the dashboard, filtered by the service variable. */
		private final String overview;

		private int nextId = 1;

		Builder(List<Slo> slos) {
			this.slos = slos;
			String ids = slos.stream().map((slo) -> regexLiteral(slo.service() + "-" + slo.name())).collect(Collectors.joining("|"));
			this.overview = "sloth_service=~\"$service\", sloth_id=~" + quote(ids);
		}

		ObjectNode dashboard(String title) {
			ObjectNode dashboard = object();
			ArrayNode annotations = dashboard.putObject("annotations").putArray("list");
			annotations.add(alertAnnotation());
			dashboard.put("description", "Service level objectives from Sightline's Sloth-compatible recording rules. "
					+ "Generated by sightline-slo-generator: change the generator, not this dashboard.");
			dashboard.put("editable", true);
			dashboard.put("fiscalYearStartMonth", 0);
			dashboard.put("graphTooltip", 1);
			dashboard.putNull("id");
			dashboard.putArray("links");
			ArrayNode panels = dashboard.putArray("panels");
			int y = overview(panels);
			for (Slo slo : this.slos) {
				panels.add(sloRow(slo, y));
				y += 1;
			}
			dashboard.put("refresh", "1m");
			dashboard.put("schemaVersion", SCHEMA_VERSION);
			ArrayNode tags = dashboard.putArray("tags");
			tags.add("sightline");
			tags.add("slo");
			ArrayNode variables = dashboard.putObject("templating").putArray("list");
			variables.add(datasourceVariable());
			variables.add(serviceVariable());
			ObjectNode time = dashboard.putObject("time");
			time.put("from", "now-7d");
			time.put("to", "now");
			ArrayNode refreshIntervals = dashboard.putObject("timepicker").putArray("refresh_intervals");
			for (String interval : List.of("1m", "5m", "15m", "1h")) {
				refreshIntervals.add(interval);
			}
			dashboard.put("timezone", "");
			dashboard.put("title", title);
			dashboard.put("uid", UID);
			dashboard.put("version", 1);
			dashboard.put("weekStart", "");
			return dashboard;
		}

		private ObjectNode alertAnnotation() {
			ObjectNode annotation = object();
			annotation.set("datasource", datasource());
			annotation.put("enable", true);
			annotation.put("expr", "ALERTS{alertstate=\"firing\", " + this.overview + "}");
			annotation.put("iconColor", "red");
			annotation.put("name", "SLO alerts");
			annotation.put("step", "1m");
			annotation.put("tagKeys", "sloth_severity,sloth_service,sloth_slo");
			annotation.put("textFormat", "{{sloth_service}} / {{sloth_slo}}: {{sloth_severity}} alert firing");
			annotation.put("titleFormat", "{{alertname}}");
			annotation.put("useValueForTime", false);
			return annotation;
		}

		private ObjectNode datasourceVariable() {
			ObjectNode variable = object();
			variable.putObject("current");
			variable.put("hide", 0);
			variable.put("includeAll", false);
			variable.put("label", "Data source");
			variable.put("multi", false);
			variable.put("name", "datasource");
			variable.putArray("options");
			variable.put("query", "prometheus");
			variable.put("refresh", 1);
			variable.put("regex", "");
			variable.put("skipUrlSync", false);
			variable.put("type", "datasource");
			return variable;
		}

		/** The services of the dashboard that Prometheus has SLOs for; All means every one of them. */
		private ObjectNode serviceVariable() {
			String services = this.slos.stream()
				.map(Slo::service)
				.distinct()
				.map(SloDashboard::regexLiteral)
				.collect(Collectors.joining("|"));
			ObjectNode variable = object();
			// inserted verbatim into ="..." matchers, so escaped like a PromQL string
			variable.put("allValue", escape(services));
			ObjectNode current = variable.putObject("current");
			current.put("selected", true);
			current.putArray("text").add("All");
			current.putArray("value").add("$__all");
			variable.set("datasource", datasource());
			variable.put("definition", SERVICE_QUERY);
			variable.put("hide", 0);
			variable.put("includeAll", true);
			variable.put("label", "Service");
			variable.put("multi", true);
			variable.put("name", "service");
			variable.putArray("options");
			ObjectNode query = variable.putObject("query");
			query.put("qryType", 1);
			query.put("query", SERVICE_QUERY);
			query.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
			variable.put("refresh", 2);
			variable.put("regex", "/^(" + services + ")$/");
			variable.put("skipUrlSync", false);
			variable.put("sort", 1);
			variable.put("type", "query");
			return variable;
		}

		// ---- overview

		/** The overview row and its panels; returns the y below them. */
		private int overview(ArrayNode panels) {
			ObjectNode row = panel("row", "Overview", null, new GridPos(0, 0, 24, 1));
			row.put("collapsed", false);
			row.putArray("panels");
			panels.add(row);
			panels.add(budgetTiles(new GridPos(0, 1, 18, 5)));
			panels.add(firingAlerts(new GridPos(18, 1, 6, 5)));
			int tableHeight = 3 + this.slos.size();
			panels.add(sloTable(new GridPos(0, 6, 24, tableHeight)));
			int y = 6 + tableHeight;
			panels.add(budgetTrend(new GridPos(0, y, 12, 8)));
			panels.add(burnRateTrend(new GridPos(12, y, 12, 8)));
			return y + 8;
		}

		private ObjectNode budgetTiles(GridPos pos) {
			ObjectNode panel = panel("stat", "Error budget remaining",
					"The share of each SLO's error budget left over its period. Red: spent, the SLO is missed; amber: below "
							+ percent(BUDGET_AT_RISK) + ".",
					pos);
			ObjectNode defaults = defaults(panel, "percentunit", 1);
			defaults.set("thresholds", budgetThresholds());
			panel.set("options", statOptions("value_and_name", "none"));
			targets(panel).add(target("A", "slo:period_error_budget_remaining:ratio{" + this.overview + "}",
					"{{sloth_service}} / {{sloth_slo}}"));
			return panel;
		}

		private ObjectNode firingAlerts(GridPos pos) {
			ObjectNode panel = panel("stat", "Firing SLO alerts",
					"Burn-rate alerts of these SLOs firing now, by severity.", pos);
			ObjectNode defaults = defaults(panel, "none", 0);
			defaults.set("thresholds", thresholds(step("green", null), step("red", 1.0)));
			ArrayNode overrides = overrides(panel);
			ArrayNode targets = targets(panel);
			List<String> severities = severities(this.slos);
			if (severities.isEmpty()) {
				targets.add(target("A", "count(ALERTS{alertstate=\"firing\", " + this.overview + "}) or vector(0)",
						"firing"));
			}
			for (int i = 0; i < severities.size(); i++) {
				String severity = severities.get(i);
				targets.add(target(refId(i), "count(ALERTS{alertstate=\"firing\", sloth_severity=" + quote(severity) + ", "
						+ this.overview + "}) or vector(0)", severity));
				overrides.add(override(severity,
						property("thresholds", thresholds(step("green", null), step(severityColor(severity), 1.0)))));
			}
			panel.set("options", statOptions("value_and_name", "none"));
			return panel;
		}

		/** One line per SLO: the merge of instant queries that share sloth_service and sloth_slo. */
		private ObjectNode sloTable(GridPos pos) {
			ObjectNode panel = panel("table", "SLOs",
					"Every SLO of the dashboard, the least budget left first. SLI: the success ratio over the SLO's period; "
							+ "burn rate: the last 5 minutes' error ratio over the error budget (1 spends exactly the budget "
							+ "in the period).",
					pos);
			int decimals = this.slos.stream().mapToInt(SloDashboard::objectiveDecimals).max().orElse(1);
			ObjectNode defaults = defaults(panel, null, null);
			ObjectNode custom = defaults.putObject("custom");
			custom.put("align", "auto");
			custom.putObject("cellOptions").put("type", "auto");
			custom.put("inspect", false);
			defaults.set("thresholds", thresholds(step("green", null)));
			String by = "max by (sloth_service, sloth_slo) ";
			String periodRatios = this.slos.stream()
				.map((slo) -> ratioRule(window(slo.period())) + "{" + this.overview + "}")
				.distinct()
				.collect(Collectors.joining(" or "));
			Map<String, String> columns = new LinkedHashMap<>();
			columns.put("Period", by + "(slo:time_period:days{" + this.overview + "})");
			columns.put("Objective", by + "(slo:objective:ratio{" + this.overview + "})");
			columns.put("SLI", "1 - " + by + "(" + periodRatios + ")");
			columns.put("Budget remaining", by + "(slo:period_error_budget_remaining:ratio{" + this.overview + "})");
			columns.put("Burn rate (5m)", by + "(slo:current_burn_rate:ratio{" + this.overview + "})");
			columns.put("Firing alerts", "count by (sloth_service, sloth_slo) (ALERTS{alertstate=\"firing\", "
					+ this.overview + "})\nor " + by + "(0 * slo:objective:ratio{" + this.overview + "})");
			ArrayNode targets = targets(panel);
			ObjectNode organize = object();
			organize.putObject("excludeByName").put("Time", true);
			ObjectNode index = organize.putObject("indexByName");
			index.put("sloth_service", 0);
			index.put("sloth_slo", 1);
			ObjectNode rename = organize.putObject("renameByName");
			rename.put("sloth_service", "Service");
			rename.put("sloth_slo", "SLO");
			int i = 0;
			for (Map.Entry<String, String> column : columns.entrySet()) {
				String refId = refId(i);
				ObjectNode target = target(refId, column.getValue(), "__auto");
				target.put("format", "table");
				target.put("instant", true);
				target.put("range", false);
				targets.add(target);
				index.put("Value #" + refId, i + 2);
				rename.put("Value #" + refId, column.getKey());
				i++;
			}
			ArrayNode transformations = panel.putArray("transformations");
			ObjectNode merge = transformations.addObject();
			merge.put("id", "merge");
			merge.putObject("options");
			ObjectNode organizeStep = transformations.addObject();
			organizeStep.put("id", "organize");
			organizeStep.set("options", organize);

			ArrayNode overrides = overrides(panel);
			overrides.add(override("Period", property("unit", "suffix:d"), property("decimals", 0)));
			overrides.add(override("Objective", property("unit", "percentunit"), property("decimals", decimals)));
			overrides.add(override("SLI", property("unit", "percentunit"), property("decimals", decimals + 1)));
			overrides.add(override("Budget remaining", property("unit", "percentunit"), property("decimals", 1),
					property("thresholds", budgetThresholds()), property("color", thresholdColor()),
					property("custom.cellOptions", cellOptions("color-background"))));
			overrides.add(override("Burn rate (5m)", property("unit", "none"), property("decimals", 2),
					property("thresholds", overviewBurnThresholds()), property("color", thresholdColor()),
					property("custom.cellOptions", cellOptions("color-text"))));
			overrides.add(override("Firing alerts", property("unit", "none"), property("decimals", 0),
					property("thresholds", thresholds(step("green", null), step("red", 1.0))),
					property("color", thresholdColor()), property("custom.cellOptions", cellOptions("color-background"))));

			ObjectNode options = panel.putObject("options");
			options.put("cellHeight", "sm");
			ObjectNode footer = options.putObject("footer");
			footer.put("countRows", false);
			footer.putArray("fields");
			footer.putArray("reducer").add("sum");
			footer.put("show", false);
			options.put("showHeader", true);
			ObjectNode sortBy = options.putArray("sortBy").addObject();
			sortBy.put("desc", false);
			sortBy.put("displayName", "Budget remaining");
			return panel;
		}

		private ObjectNode budgetTrend(GridPos pos) {
			ObjectNode panel = panel("timeseries", "Error budget remaining over time",
					"The share of each SLO's budget left over its rolling period.", pos);
			ObjectNode defaults = defaults(panel, "percentunit", 1);
			defaults.set("color", paletteColor());
			defaults.set("custom", timeseriesStyle(10, "dashed"));
			defaults.set("thresholds", budgetThresholds());
			defaults.put("max", 1);
			panel.set("options", timeseriesOptions("right"));
			targets(panel).add(target("A", "slo:period_error_budget_remaining:ratio{" + this.overview + "}",
					"{{sloth_service}} / {{sloth_slo}}"));
			return panel;
		}

		private ObjectNode burnRateTrend(GridPos pos) {
			ObjectNode panel = panel("timeseries", "Burn rate (" + window(RECENT) + ")",
					"How fast each SLO spent its budget over the last " + window(RECENT)
							+ ". Dashed: 1, the rate that spends exactly the budget over the period.",
					pos);
			ObjectNode defaults = defaults(panel, "none", 2);
			defaults.set("color", paletteColor());
			defaults.set("custom", timeseriesStyle(0, "dashed"));
			defaults.set("thresholds", thresholds(step("transparent", null), step("orange", 1.0)));
			defaults.put("min", 0);
			panel.set("options", timeseriesOptions("right"));
			targets(panel).add(target("A", ratioRule(window(RECENT)) + "{" + this.overview + "}" + ON
					+ "slo:error_budget:ratio{" + this.overview + "}", "{{sloth_service}} / {{sloth_slo}}"));
			return panel;
		}

		/** Green under 1 (sustainable), orange from 1, red from the lowest page factor. */
		private ObjectNode overviewBurnThresholds() {
			List<ObjectNode> steps = new ArrayList<>(List.of(step("green", null), step("orange", 1.0)));
			this.slos.stream()
				.flatMap((slo) -> slo.thresholds().stream())
				.filter((threshold) -> "page".equals(threshold.severity()))
				.mapToDouble((threshold) -> round(threshold.factor()))
				.filter((factor) -> factor > 1)
				.min()
				.ifPresent((factor) -> steps.add(step("red", factor)));
			return thresholds(steps.toArray(ObjectNode[]::new));
		}

		// ---- one SLO

		private ObjectNode sloRow(Slo slo, int y) {
			String p = window(slo.period());
			String title = slo.service() + " / " + slo.name() + " (" + number(slo.objectivePercent()) + "% over " + p + ")"
					+ ((slo.description() != null && !slo.description().isBlank()) ? " — " + slo.description().strip() : "");
			ObjectNode row = panel("row", title, null, new GridPos(0, y, 24, 1));
			row.put("collapsed", true);
			ArrayNode panels = row.putArray("panels");
			String sel = "{sloth_service=" + quote(slo.service()) + ", sloth_slo=" + quote(slo.name()) + "}";
			int top = y + 1;
			panels.add(sli(slo, sel, new GridPos(0, top, 6, 4)));
			panels.add(budgetRemaining(slo, sel, new GridPos(6, top, 6, 4)));
			panels.add(currentBurnRate(slo, sel, new GridPos(12, top, 6, 4)));
			panels.add(timeToExhaustion(slo, sel, new GridPos(18, top, 6, 4)));
			panels.add(budgetOverTime(slo, sel, new GridPos(0, top + 4, 12, 8)));
			panels.add(errorRatio(slo, sel, new GridPos(12, top + 4, 12, 8)));
			panels.add(burnRate(slo, sel, new GridPos(0, top + 12, 24, 9)));
			panels.add(alerts(slo, sel, new GridPos(0, top + 21, 24, 5)));
			return row;
		}

		private ObjectNode sli(Slo slo, String sel, GridPos pos) {
			String p = window(slo.period());
			ObjectNode panel = panel("stat", "SLI (" + p + ")", "The success ratio over the last " + p
					+ ": green when it meets the objective of " + number(slo.objectivePercent()) + "%.", pos);
			ObjectNode defaults = defaults(panel, "percentunit", objectiveDecimals(slo) + 1);
			defaults.set("thresholds", thresholds(step("red", null), step("green", objective(slo))));
			panel.set("options", statOptions("value", "area"));
			targets(panel).add(target("A", "1 - " + ratioRule(p) + sel, "SLI"));
			return panel;
		}

		private ObjectNode budgetRemaining(Slo slo, String sel, GridPos pos) {
			String p = window(slo.period());
			ObjectNode panel = panel("stat", "Error budget remaining (" + p + ")", "The share of the " + percent(budget(slo))
					+ " error budget left over the last " + p + ". Negative: the SLO is missed.", pos);
			ObjectNode defaults = defaults(panel, "percentunit", 1);
			defaults.set("thresholds", budgetThresholds());
			panel.set("options", statOptions("value", "area"));
			targets(panel).add(target("A", "slo:period_error_budget_remaining:ratio" + sel, "budget remaining"));
			return panel;
		}

		private ObjectNode currentBurnRate(Slo slo, String sel, GridPos pos) {
			ObjectNode panel = panel("stat", "Burn rate (5m)",
					"The last 5 minutes' error ratio over the error budget: 1 spends exactly the budget in "
							+ window(slo.period()) + ". Coloured by the lowest factor of each alert severity.",
					pos);
			ObjectNode defaults = defaults(panel, "none", 2);
			List<ObjectNode> steps = new ArrayList<>();
			steps.add(step("green", null));
			Map<Double, String> lowest = new TreeMap<>();
			for (String severity : severities(List.of(slo))) {
				slo.thresholds()
					.stream()
					.filter((threshold) -> threshold.severity().equals(severity))
					.mapToDouble((threshold) -> round(threshold.factor()))
					.min()
					.ifPresent((factor) -> lowest.putIfAbsent(factor, severityColor(severity)));
			}
			lowest.forEach((factor, color) -> steps.add(step(color, factor)));
			defaults.set("thresholds", thresholds(steps.toArray(ObjectNode[]::new)));
			panel.set("options", statOptions("value", "area"));
			targets(panel).add(target("A", "slo:current_burn_rate:ratio" + sel, "burn rate"));
			return panel;
		}

		/**
		 * Budget left × period ÷ recent burn rate: 0 when spent. Nothing burning divides by zero (+Inf),
		 * so the result is capped at ten periods, shown as "Not burning": the panel always has a value.
		 */
		private ObjectNode timeToExhaustion(Slo slo, String sel, GridPos pos) {
			String recent = window(RECENT);
			long cap = slo.period().toSeconds() * 10;
			ObjectNode panel = panel("stat", "Budget exhausted in",
					"How long the remaining budget lasts at the burn rate of the last " + recent
							+ ". Green: longer than the period (" + window(slo.period())
							+ "); red: less than a day. \"Not burning\" when nothing burns (capped at ten periods).",
					pos);
			ObjectNode defaults = defaults(panel, "s", 1);
			defaults.put("noValue", "No data");
			defaults.set("thresholds", thresholds(step("red", null), step("orange", (double) Duration.ofDays(1).toSeconds()),
					step("green", (double) slo.period().toSeconds())));
			ArrayNode mappings = defaults.putArray("mappings");
			ObjectNode exhausted = mappings.addObject();
			exhausted.put("type", "value");
			ObjectNode zero = exhausted.putObject("options").putObject("0");
			zero.put("color", "red");
			zero.put("index", 0);
			zero.put("text", "Exhausted");
			ObjectNode notBurning = mappings.addObject();
			notBurning.put("type", "value");
			ObjectNode capped = notBurning.putObject("options").putObject(String.valueOf(cap));
			capped.put("color", "green");
			capped.put("index", 1);
			capped.put("text", "Not burning");
			panel.set("options", statOptions("value", "none"));
			targets(panel).add(target("A",
					"clamp_max(\nclamp_min(slo:period_error_budget_remaining:ratio" + sel + ", 0)\n* on(sloth_id, sloth_service, sloth_slo) "
							+ "slo:time_period:days" + sel + " * 86400\n" + ON.strip() + " (" + ratioRule(recent) + sel + ON
							+ "slo:error_budget:ratio" + sel + ")\n, " + cap + ")",
					"exhausted in"));
			return panel;
		}

		private ObjectNode budgetOverTime(Slo slo, String sel, GridPos pos) {
			ObjectNode panel = panel("timeseries", "Error budget remaining",
					"The share of the budget left over the rolling " + window(slo.period()) + " period.", pos);
			ObjectNode defaults = defaults(panel, "percentunit", 1);
			// the line takes the colour of the threshold band it is in
			ObjectNode custom = timeseriesStyle(10, "dashed");
			custom.put("gradientMode", "scheme");
			defaults.set("custom", custom);
			defaults.set("thresholds", budgetThresholds());
			defaults.put("max", 1);
			panel.set("options", timeseriesOptions("bottom"));
			targets(panel).add(target("A", "slo:period_error_budget_remaining:ratio" + sel, "budget remaining"));
			return panel;
		}

		private ObjectNode errorRatio(Slo slo, String sel, GridPos pos) {
			String p = window(slo.period());
			ObjectNode panel = panel("timeseries", "Error ratio vs. error budget",
					"The share of failed events over 5m, 1h and the period, against the error budget (dashed): above it, "
							+ "the SLO spends more than it may.",
					pos);
			ObjectNode defaults = defaults(panel, "percentunit", objectiveDecimals(slo) + 1);
			defaults.set("color", paletteColor());
			ObjectNode custom = timeseriesStyle(0, "off");
			putNumber(custom, "axisSoftMax", round(2 * budget(slo)));
			defaults.set("custom", custom);
			defaults.set("thresholds", thresholds(step("green", null)));
			defaults.put("min", 0);
			panel.set("options", timeseriesOptions("bottom"));
			ArrayNode targets = targets(panel);
			targets.add(target("A", ratioRule("5m") + sel, "error ratio (5m)"));
			targets.add(target("B", ratioRule("1h") + sel, "error ratio (1h)"));
			targets.add(target("C", ratioRule(p) + sel, "error ratio (" + p + ")"));
			targets.add(target("D", "slo:error_budget:ratio" + sel, "error budget"));
			ObjectNode lineStyle = object();
			lineStyle.putArray("dash").add(10).add(10);
			lineStyle.put("fill", "dash");
			ObjectNode fixedRed = object();
			fixedRed.put("fixedColor", "red");
			fixedRed.put("mode", "fixed");
			overrides(panel).add(override("error budget", property("color", fixedRed),
					property("custom.lineStyle", lineStyle), property("custom.lineWidth", 2)));
			return panel;
		}

		/** The burn rate over the alert windows, each alert factor a dashed line in its severity's colour. */
		private ObjectNode burnRate(Slo slo, String sel, GridPos pos) {
			String p = window(slo.period());
			StringBuilder description = new StringBuilder("The error ratio over each window divided by the error budget: 1 "
					+ "spends exactly the budget in " + p + ".");
			for (BurnThreshold threshold : slo.thresholds()) {
				description.append(" ")
					.append(capitalized(threshold.severity()))
					.append(" when the ")
					.append(window(threshold.longWindow()))
					.append(" and ")
					.append(window(threshold.shortWindow()))
					.append(" burn rates exceed ")
					.append(number(threshold.factor()))
					.append(".");
			}
			if (slo.thresholds().isEmpty()) {
				description.append(" No alerts.");
			}
			ObjectNode panel = panel("timeseries", "Burn rate", description.toString(), pos);
			ObjectNode defaults = defaults(panel, "none", 2);
			// the windows in distinct colours; the thresholds only draw the factor lines
			defaults.set("color", paletteColor());
			ObjectNode custom = timeseriesStyle(0, "dashed");
			slo.thresholds()
				.stream()
				.mapToDouble((threshold) -> round(threshold.factor()))
				.max()
				.ifPresent((max) -> putNumber(custom, "axisSoftMax", Math.ceil(max * 1.1)));
			defaults.set("custom", custom);
			defaults.put("min", 0);
			List<ObjectNode> steps = new ArrayList<>();
			steps.add(step("transparent", null));
			Map<Double, String> lines = new TreeMap<>();
			for (BurnThreshold threshold : slo.thresholds()) {
				lines.putIfAbsent(round(threshold.factor()), severityColor(threshold.severity()));
			}
			lines.forEach((factor, color) -> steps.add(step(color, factor)));
			defaults.set("thresholds", thresholds(steps.toArray(ObjectNode[]::new)));
			panel.set("options", timeseriesOptions("right"));
			Set<Duration> windows = new TreeSet<>(BURN_RATE_WINDOWS);
			slo.thresholds().forEach((threshold) -> windows.add(threshold.longWindow()));
			ArrayNode targets = targets(panel);
			int i = 0;
			for (Duration window : windows) {
				String w = window(window);
				targets.add(target(refId(i++), ratioRule(w) + sel + ON + "slo:error_budget:ratio" + sel, w));
			}
			return panel;
		}

		/** Per severity: 2 firing, 1 pending, 0 not (while the SLO's recordings exist). */
		private ObjectNode alerts(Slo slo, String sel, GridPos pos) {
			String title = (slo.alertName() != null) ? "Alerts: " + slo.alertName() : "Alerts";
			ObjectNode panel = panel("state-timeline", title,
					"The SLO's burn-rate alerts by severity: firing, pending or OK.", pos);
			// the values are states (mapped to text), not quantities
			ObjectNode defaults = defaults(panel, "none", null);
			defaults.set("color", thresholdColor());
			ObjectNode custom = defaults.putObject("custom");
			custom.put("fillOpacity", 70);
			custom.put("lineWidth", 0);
			defaults.set("mappings", alertMappings("red"));
			defaults.set("thresholds", thresholds(step("green", null)));
			ObjectNode options = panel.putObject("options");
			options.put("alignValue", "left");
			ObjectNode legend = options.putObject("legend");
			legend.put("displayMode", "list");
			legend.put("placement", "bottom");
			legend.put("showLegend", false);
			options.put("mergeValues", true);
			options.put("rowHeight", 0.8);
			options.put("showValue", "never");
			ObjectNode tooltip = options.putObject("tooltip");
			tooltip.put("mode", "single");
			tooltip.put("sort", "none");
			String alert = "ALERTS{"
					+ ((slo.alertName() != null) ? "alertname=" + quote(slo.alertName()) + ", " : "")
					+ sel.substring(1, sel.length() - 1);
			String ok = "\nor on() 0 * max(slo:objective:ratio" + sel + ")";
			ArrayNode targets = targets(panel);
			ArrayNode overrides = overrides(panel);
			List<String> severities = severities(List.of(slo));
			if (severities.isEmpty()) {
				targets.add(target("A", "max(2 * " + alert + ", alertstate=\"firing\"} or " + alert
						+ ", alertstate=\"pending\"})" + ok, "alerts"));
			}
			for (int i = 0; i < severities.size(); i++) {
				String severity = severities.get(i);
				String matchers = alert + ", sloth_severity=" + quote(severity);
				targets.add(target(refId(i), "max(2 * " + matchers + ", alertstate=\"firing\"} or " + matchers
						+ ", alertstate=\"pending\"})" + ok, severity));
				overrides.add(override(severity, property("mappings", alertMappings(severityColor(severity)))));
			}
			return panel;
		}

		// ---- JSON pieces

		private ObjectNode panel(String type, String title, String description, GridPos pos) {
			ObjectNode panel = object();
			panel.set("datasource", datasource());
			if (description != null) {
				panel.put("description", description);
			}
			ObjectNode gridPos = panel.putObject("gridPos");
			gridPos.put("h", pos.h());
			gridPos.put("w", pos.w());
			gridPos.put("x", pos.x());
			gridPos.put("y", pos.y());
			panel.put("id", this.nextId++);
			panel.put("title", title);
			panel.put("type", type);
			return panel;
		}

		private static ObjectNode datasource() {
			ObjectNode datasource = object();
			datasource.put("type", "prometheus");
			datasource.put("uid", DATASOURCE_UID);
			return datasource;
		}

		private static ObjectNode target(String refId, String expr, String legend) {
			ObjectNode target = object();
			target.set("datasource", datasource());
			target.put("editorMode", "code");
			target.put("expr", expr);
			target.put("legendFormat", legend);
			target.put("range", true);
			target.put("refId", refId);
			return target;
		}

		private static ArrayNode targets(ObjectNode panel) {
			return panel.putArray("targets");
		}

		private static ObjectNode defaults(ObjectNode panel, String unit, Integer decimals) {
			ObjectNode fieldConfig = panel.putObject("fieldConfig");
			fieldConfig.putArray("overrides");
			ObjectNode defaults = fieldConfig.putObject("defaults");
			defaults.set("color", thresholdColor());
			defaults.putArray("mappings");
			if (unit != null) {
				defaults.put("unit", unit);
			}
			if (decimals != null) {
				defaults.put("decimals", decimals);
			}
			return defaults;
		}

		private static ArrayNode overrides(ObjectNode panel) {
			return (ArrayNode) panel.get("fieldConfig").get("overrides");
		}

		private static ObjectNode override(String name, ObjectNode... properties) {
			ObjectNode override = object();
			ObjectNode matcher = override.putObject("matcher");
			matcher.put("id", "byName");
			matcher.put("options", name);
			ArrayNode list = override.putArray("properties");
			for (ObjectNode property : properties) {
				list.add(property);
			}
			return override;
		}

		private static ObjectNode property(String id, Object value) {
			ObjectNode property = object();
			property.put("id", id);
			if (value instanceof String text) {
				property.put("value", text);
			}
			else if (value instanceof Integer number) {
				property.put("value", number);
			}
			else {
				property.set("value", (tools.jackson.databind.JsonNode) value);
			}
			return property;
		}

		private static ObjectNode thresholdColor() {
			ObjectNode color = object();
			color.put("mode", "thresholds");
			return color;
		}

		private static ObjectNode paletteColor() {
			ObjectNode color = object();
			color.put("mode", "palette-classic");
			return color;
		}

		private static ObjectNode cellOptions(String type) {
			ObjectNode options = object();
			options.put("type", type);
			return options;
		}

		private static ObjectNode thresholds(ObjectNode... steps) {
			ObjectNode thresholds = object();
			thresholds.put("mode", "absolute");
			ArrayNode list = thresholds.putArray("steps");
			for (ObjectNode step : steps) {
				list.add(step);
			}
			return thresholds;
		}

		private static ObjectNode step(String color, Double value) {
			ObjectNode step = object();
			step.put("color", color);
			if (value == null) {
				step.putNull("value");
			}
			else {
				putNumber(step, "value", value);
			}
			return step;
		}

		/** Whole numbers without a fraction, like Grafana writes them: 1, not 1.0. */
		private static void putNumber(ObjectNode node, String field, double value) {
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				node.put(field, (long) value);
			}
			else {
				node.put(field, value);
			}
		}

		/** Red: spent; amber: at risk; green. */
		private static ObjectNode budgetThresholds() {
			return thresholds(step("red", null), step("orange", 0.0), step("green", BUDGET_AT_RISK));
		}

		private static ArrayNode alertMappings(String firingColor) {
			ArrayNode mappings = MAPPER.createArrayNode();
			ObjectNode mapping = mappings.addObject();
			mapping.put("type", "value");
			ObjectNode options = mapping.putObject("options");
			String[][] states = { { "0", "green", "OK" }, { "1", "yellow", "Pending" }, { "2", firingColor, "Firing" } };
			for (int i = 0; i < states.length; i++) {
				ObjectNode state = options.putObject(states[i][0]);
				state.put("color", states[i][1]);
				state.put("index", i);
				state.put("text", states[i][2]);
			}
			return mappings;
		}

		private static ObjectNode statOptions(String textMode, String graphMode) {
			ObjectNode options = object();
			options.put("colorMode", "background");
			options.put("graphMode", graphMode);
			options.put("justifyMode", "auto");
			options.put("orientation", "auto");
			ObjectNode reduce = options.putObject("reduceOptions");
			reduce.putArray("calcs").add("lastNotNull");
			reduce.put("fields", "");
			reduce.put("values", false);
			options.put("showPercentChange", false);
			options.put("textMode", textMode);
			options.put("wideLayout", true);
			return options;
		}

		private static ObjectNode timeseriesStyle(int fillOpacity, String thresholdsMode) {
			ObjectNode custom = object();
			custom.put("axisBorderShow", false);
			custom.put("axisPlacement", "auto");
			custom.put("drawStyle", "line");
			custom.put("fillOpacity", fillOpacity);
			custom.put("gradientMode", (fillOpacity > 0) ? "opacity" : "none");
			custom.put("lineInterpolation", "linear");
			custom.put("lineWidth", 1);
			custom.putObject("scaleDistribution").put("type", "linear");
			custom.put("showPoints", "never");
			custom.put("spanNulls", false);
			custom.putObject("thresholdsStyle").put("mode", thresholdsMode);
			return custom;
		}

		private static ObjectNode timeseriesOptions(String legendPlacement) {
			ObjectNode options = object();
			ObjectNode legend = options.putObject("legend");
			ArrayNode calcs = legend.putArray("calcs");
			calcs.add("lastNotNull");
			calcs.add("max");
			legend.put("displayMode", "table");
			legend.put("placement", legendPlacement);
			legend.put("showLegend", true);
			ObjectNode tooltip = options.putObject("tooltip");
			tooltip.put("mode", "multi");
			tooltip.put("sort", "desc");
			return options;
		}

		private static ObjectNode object() {
			return MAPPER.createObjectNode();
		}

	}

	/** A panel's place on Grafana's 24-column grid. */
	record GridPos(int x, int y, int w, int h) {
	}

	// ---- text

	/** The severities of the SLOs' thresholds, in order of appearance. */
	private static List<String> severities(List<Slo> slos) {
		Set<String> severities = new LinkedHashSet<>();
		slos.forEach((slo) -> slo.thresholds().forEach((threshold) -> severities.add(threshold.severity())));
		return List.copyOf(severities);
	}

	private static String severityColor(String severity) {
		return switch (severity) {
			case "page" -> "red";
			case "ticket" -> "orange";
			default -> "yellow";
		};
	}

	private static String refId(int index) {
		return String.valueOf((char) ('A' + index));
	}

	static String ratioRule(String window) {
		return "slo:sli_error:ratio_rate" + window;
	}

	/** A window as Prometheus writes durations and the rules name their recordings: 5m, 1h, 30d. */
	static String window(Duration duration) {
		return io.sightline.slo.MultiWindowAlerts.label(duration);
	}

	/** The objective as a ratio, without float noise: 0.999. */
	private static double objective(Slo slo) {
		return BigDecimal.valueOf(slo.objectivePercent()).movePointLeft(2).doubleValue();
	}

	private static double budget(Slo slo) {
		return BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(slo.objectivePercent())).movePointLeft(2).doubleValue();
	}

	/** The objective's decimals in percent: 1 for 99.9, 2 for 99.95. */
	private static int objectiveDecimals(Slo slo) {
		return Math.max(0, BigDecimal.valueOf(slo.objectivePercent()).stripTrailingZeros().scale());
	}

	/** 10 significant digits, like the alert rules: 14.4, not 14.400000000000002. */
	private static double round(double value) {
		return new BigDecimal(value).round(new MathContext(10)).doubleValue();
	}

	private static String number(double value) {
		return new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros().toPlainString();
	}

	private static String percent(double ratio) {
		return number(ratio * 100) + "%";
	}

	private static String capitalized(String text) {
		return text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
	}

	/** A PromQL string literal. */
	static String quote(String value) {
		return "\"" + escape(value) + "\"";
	}

	/** The content of a PromQL double-quoted string. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	/** A literal as an RE2 (and JavaScript) regular expression. */
	private static String regexLiteral(String value) {
		StringBuilder regex = new StringBuilder();
		for (char c : value.toCharArray()) {
			if ("\\.^$|?*+()[]{}/".indexOf(c) >= 0) {
				regex.append('\\');
			}
			regex.append(c);
		}
		return regex.toString();
	}

}
