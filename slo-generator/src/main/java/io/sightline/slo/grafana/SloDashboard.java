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

import io.sightline.dashboards.Annotation;
import io.sightline.dashboards.Dashboard;
import io.sightline.dashboards.DashboardRef;
import io.sightline.dashboards.FieldColor;
import io.sightline.dashboards.GridPos;
import io.sightline.dashboards.LineStyle;
import io.sightline.dashboards.Panel;
import io.sightline.dashboards.Panel.Step;
import io.sightline.dashboards.TableCellType;
import io.sightline.dashboards.Target;
import io.sightline.dashboards.Thresholds;
import io.sightline.dashboards.Transformations;
import io.sightline.dashboards.ValueMappings;
import io.sightline.dashboards.Variable;
import io.sightline.slo.MultiWindowAlerts;

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
 * Built with the dashboards module's model, so the output is byte-identical for the same input:
 * keys sorted like Grafana's own export, 2-space indent, a trailing newline.
 */
public final class SloDashboard {

	/** The dashboard's uid: the rule generator's alerts link to {@code /d/sightline-slo/...}. */
	public static final String UID = DashboardRef.SLO.uid();

	/** The windows of the burn-rate panel, besides the long windows of the thresholds. */
	private static final List<Duration> BURN_RATE_WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofHours(1),
			Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

	/** The window of the time-to-exhaustion stat and the overview's burn-rate trend. */
	private static final Duration RECENT = Duration.ofHours(1);

	/** Budget remaining below this share is amber, below 0 red. */
	private static final double BUDGET_AT_RISK = 0.25;

	/** Red: spent; amber: at risk; green. */
	private static final Thresholds BUDGET_THRESHOLDS = Thresholds.of(Step.base("red"), Step.at(0, "orange"),
			Step.at(BUDGET_AT_RISK, "green"));

	private static final String ON = " / on(sloth_id, sloth_service, sloth_slo) ";

	private static final String SERVICE_QUERY = "label_values(sloth_slo_info, sloth_service)";

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
		return new Builder(slos).dashboard(title).render();
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

	/** Builds one dashboard from the typed model, panel by panel. */
	private static final class Builder {

		private final List<Slo> slos;

		/** Selects every SLO of the dashboard, filtered by the service variable. */
		private final String overview;

		Builder(List<Slo> slos) {
			this.slos = slos;
			String ids = slos.stream().map((slo) -> regexLiteral(slo.service() + "-" + slo.name())).collect(Collectors.joining("|"));
			this.overview = "sloth_service=~\"$service\", sloth_id=~" + quote(ids);
		}

		Dashboard dashboard(String title) {
			Dashboard.Builder dashboard = Dashboard.builder(new DashboardRef(UID, title))
				.description("Service level objectives from Sightline's Sloth-compatible recording rules. "
						+ "Generated by sightline-slo-generator: change the generator, not this dashboard.")
				.tags("slo")
				.refresh("1m", "1m", "5m", "15m", "1h")
				.from("now-7d")
				.withoutDefaultVariables()
				.variable(Variable.anyPrometheus())
				.variable(serviceVariable())
				.annotation(new Annotation("SLO alerts", "ALERTS{alertstate=\"firing\", " + this.overview + "}", "red",
						"{{alertname}}", "{{sloth_service}} / {{sloth_slo}}: {{sloth_severity}} alert firing",
						"sloth_severity,sloth_service,sloth_slo")
					.withStep("1m"));
			overview(dashboard);
			for (Slo slo : this.slos) {
				sloRow(dashboard, slo);
			}
			return dashboard.build();
		}

		/** The services of the dashboard that Prometheus has SLOs for; All means every one of them. */
		private Variable serviceVariable() {
			String services = this.slos.stream()
				.map(Slo::service)
				.distinct()
				.map(SloDashboard::regexLiteral)
				.collect(Collectors.joining("|"));
			// inserted verbatim into ="..." matchers, so escaped like a PromQL string
			return Variable.query("service", "Service", SERVICE_QUERY)
				.withAllValue(escape(services))
				.withRegex("/^(" + services + ")$/");
		}

		// ---- overview

		private void overview(Dashboard.Builder dashboard) {
			dashboard.row("Overview")
				.panels(budgetTiles(), firingAlerts(), sloTable(), budgetTrend(), burnRateTrend());
		}

		private Panel budgetTiles() {
			return Panel.stat("Error budget remaining")
				.description("The share of each SLO's error budget left over its period. Red: spent, the SLO is missed; "
						+ "amber: below " + percent(BUDGET_AT_RISK) + ".")
				.unit("percentunit")
				.decimals(1)
				.thresholds(BUDGET_THRESHOLDS)
				.option("graphMode", "none")
				.target("slo:period_error_budget_remaining:ratio{" + this.overview + "}", "{{sloth_service}} / {{sloth_slo}}")
				.size(18, 5);
		}

		private Panel firingAlerts() {
			Panel panel = Panel.stat("Firing SLO alerts")
				.description("Burn-rate alerts of these SLOs firing now, by severity.")
				.unit("none")
				.decimals(0)
				.thresholds(Step.base("green"), Step.at(1, "red"))
				.option("graphMode", "none")
				.size(6, 5);
			List<String> severities = severities(this.slos);
			if (severities.isEmpty()) {
				panel.target("count(ALERTS{alertstate=\"firing\", " + this.overview + "}) or vector(0)", "firing");
			}
			for (String severity : severities) {
				panel.target("count(ALERTS{alertstate=\"firing\", sloth_severity=" + quote(severity) + ", " + this.overview
						+ "}) or vector(0)", severity)
					.override(severity, "thresholds", Thresholds.of(Step.base("green"), Step.at(1, severityColor(severity))));
			}
			return panel;
		}

		/** One line per SLO: the merge of instant queries that share sloth_service and sloth_slo. */
		private Panel sloTable() {
			int decimals = this.slos.stream().mapToInt(SloDashboard::objectiveDecimals).max().orElse(1);
			Panel panel = Panel.table("SLOs")
				.description("Every SLO of the dashboard, the least budget left first. SLI: the success ratio over the "
						+ "SLO's period; burn rate: the last 5 minutes' error ratio over the error budget (1 spends exactly "
						+ "the budget in the period).")
				.size(GridPos.COLUMNS, 3 + this.slos.size());
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
			Map<String, String> renames = new LinkedHashMap<>();
			renames.put("sloth_service", "Service");
			renames.put("sloth_slo", "SLO");
			List<String> order = new ArrayList<>(List.of("sloth_service", "sloth_slo"));
			int i = 0;
			for (Map.Entry<String, String> column : columns.entrySet()) {
				String value = "Value #" + refId(i++);
				panel.target(Target.table(column.getValue()));
				order.add(value);
				renames.put(value, column.getKey());
			}
			panel.transformation("merge", Transformations.merge(), null)
				.transformation("organize", Transformations.organize(Set.of("Time"), renames, order), null);
			column(panel, "Period", "suffix:d", 0);
			column(panel, "Objective", "percentunit", decimals);
			column(panel, "SLI", "percentunit", decimals + 1);
			colouredColumn(panel, "Budget remaining", "percentunit", 1, BUDGET_THRESHOLDS, TableCellType.COLOR_BACKGROUND);
			colouredColumn(panel, "Burn rate (5m)", "none", 2, overviewBurnThresholds(), TableCellType.COLOR_TEXT);
			colouredColumn(panel, "Firing alerts", "none", 0, Thresholds.of(Step.base("green"), Step.at(1, "red")),
					TableCellType.COLOR_BACKGROUND);
			return panel.sortBy("Budget remaining", false);
		}

		private static void column(Panel table, String name, String unit, int decimals) {
			table.override(name, "unit", unit).override(name, "decimals", decimals);
		}

		private static void colouredColumn(Panel table, String name, String unit, int decimals, Thresholds thresholds,
				TableCellType cells) {
			column(table, name, unit, decimals);
			table.override(name, "thresholds", thresholds)
				.override(name, "color", FieldColor.THRESHOLDS)
				.override(name, "custom.cellOptions", cells);
		}

		private Panel budgetTrend() {
			return timeseries("Error budget remaining over time", 10, true, "right")
				.description("The share of each SLO's budget left over its rolling period.")
				.unit("percentunit")
				.decimals(1)
				.thresholds(BUDGET_THRESHOLDS)
				.max(1)
				.target("slo:period_error_budget_remaining:ratio{" + this.overview + "}", "{{sloth_service}} / {{sloth_slo}}")
				.size(12, 8);
		}

		private Panel burnRateTrend() {
			return timeseries("Burn rate (" + window(RECENT) + ")", 0, true, "right")
				.description("How fast each SLO spent its budget over the last " + window(RECENT)
						+ ". Dashed: 1, the rate that spends exactly the budget over the period.")
				.unit("none")
				.decimals(2)
				.thresholds(Step.base("transparent"), Step.at(1, "orange"))
				.min(0)
				.target(ratioRule(window(RECENT)) + "{" + this.overview + "}" + ON + "slo:error_budget:ratio{" + this.overview
						+ "}", "{{sloth_service}} / {{sloth_slo}}")
				.size(12, 8);
		}

		/** Green under 1 (sustainable), orange from 1, red from the lowest page factor. */
		private Thresholds overviewBurnThresholds() {
			List<Step> steps = new ArrayList<>(List.of(Step.base("green"), Step.at(1, "orange")));
			this.slos.stream()
				.flatMap((slo) -> slo.thresholds().stream())
				.filter((threshold) -> "page".equals(threshold.severity()))
				.mapToDouble((threshold) -> round(threshold.factor()))
				.filter((factor) -> factor > 1)
				.min()
				.ifPresent((factor) -> steps.add(Step.at(factor, "red")));
			return new Thresholds(steps);
		}

		// ---- one SLO

		private void sloRow(Dashboard.Builder dashboard, Slo slo) {
			String p = window(slo.period());
			String title = slo.service() + " / " + slo.name() + " (" + number(slo.objectivePercent()) + "% over " + p + ")"
					+ ((slo.description() != null && !slo.description().isBlank()) ? " — " + slo.description().strip() : "");
			String sel = "{sloth_service=" + quote(slo.service()) + ", sloth_slo=" + quote(slo.name()) + "}";
			dashboard.collapsedRow(title)
				.panels(sli(slo, sel), budgetRemaining(slo, sel), currentBurnRate(slo, sel), timeToExhaustion(slo, sel),
						budgetOverTime(slo, sel), errorRatio(slo, sel), burnRate(slo, sel), alerts(slo, sel));
		}

		private Panel sli(Slo slo, String sel) {
			String p = window(slo.period());
			return Panel.stat("SLI (" + p + ")")
				.description("The success ratio over the last " + p + ": green when it meets the objective of "
						+ number(slo.objectivePercent()) + "%.")
				.unit("percentunit")
				.decimals(objectiveDecimals(slo) + 1)
				.thresholds(Step.base("red"), Step.at(objective(slo), "green"))
				.option("textMode", "value")
				.target("1 - " + ratioRule(p) + sel, "SLI")
				.size(6, 4);
		}

		private Panel budgetRemaining(Slo slo, String sel) {
			String p = window(slo.period());
			return Panel.stat("Error budget remaining (" + p + ")")
				.description("The share of the " + percent(budget(slo)) + " error budget left over the last " + p
						+ ". Negative: the SLO is missed.")
				.unit("percentunit")
				.decimals(1)
				.thresholds(BUDGET_THRESHOLDS)
				.option("textMode", "value")
				.target("slo:period_error_budget_remaining:ratio" + sel, "budget remaining")
				.size(6, 4);
		}

		private Panel currentBurnRate(Slo slo, String sel) {
			List<Step> steps = new ArrayList<>(List.of(Step.base("green")));
			Map<Double, String> lowest = new TreeMap<>();
			for (String severity : severities(List.of(slo))) {
				slo.thresholds()
					.stream()
					.filter((threshold) -> threshold.severity().equals(severity))
					.mapToDouble((threshold) -> round(threshold.factor()))
					.min()
					.ifPresent((factor) -> lowest.putIfAbsent(factor, severityColor(severity)));
			}
			lowest.forEach((factor, color) -> steps.add(Step.at(factor, color)));
			return Panel.stat("Burn rate (5m)")
				.description("The last 5 minutes' error ratio over the error budget: 1 spends exactly the budget in "
						+ window(slo.period()) + ". Coloured by the lowest factor of each alert severity.")
				.unit("none")
				.decimals(2)
				.thresholds(steps.toArray(Step[]::new))
				.option("textMode", "value")
				.target("slo:current_burn_rate:ratio" + sel, "burn rate")
				.size(6, 4);
		}

		/**
		 * Budget left × period ÷ recent burn rate: 0 when spent. Nothing burning divides by zero (+Inf),
		 * so the result is capped at ten periods, shown as "Not burning": the panel always has a value.
		 */
		private Panel timeToExhaustion(Slo slo, String sel) {
			String recent = window(RECENT);
			long cap = slo.period().toSeconds() * 10;
			return Panel.stat("Budget exhausted in")
				.description("How long the remaining budget lasts at the burn rate of the last " + recent
						+ ". Green: longer than the period (" + window(slo.period())
						+ "); red: less than a day. \"Not burning\" when nothing burns (capped at ten periods).")
				.unit("s")
				.decimals(1)
				.noValue("No data")
				.thresholds(Step.base("red"), Step.at(Duration.ofDays(1).toSeconds(), "orange"),
						Step.at(slo.period().toSeconds(), "green"))
				.valueMapping("0", "Exhausted", "red")
				.valueMapping(String.valueOf(cap), "Not burning", "green")
				.option("graphMode", "none")
				.option("textMode", "value")
				.target("clamp_max(\nclamp_min(slo:period_error_budget_remaining:ratio" + sel
						+ ", 0)\n* on(sloth_id, sloth_service, sloth_slo) slo:time_period:days" + sel + " * 86400\n" + ON.strip()
						+ " (" + ratioRule(recent) + sel + ON + "slo:error_budget:ratio" + sel + ")\n, " + cap + ")",
						"exhausted in")
				.size(6, 4);
		}

		private Panel budgetOverTime(Slo slo, String sel) {
			return timeseries("Error budget remaining", 10, true, "bottom")
				.description("The share of the budget left over the rolling " + window(slo.period()) + " period.")
				// the line takes the colour of the threshold band it is in
				.colorByThresholds()
				.custom("gradientMode", "scheme")
				.unit("percentunit")
				.decimals(1)
				.thresholds(BUDGET_THRESHOLDS)
				.max(1)
				.target("slo:period_error_budget_remaining:ratio" + sel, "budget remaining")
				.size(12, 8);
		}

		private Panel errorRatio(Slo slo, String sel) {
			String p = window(slo.period());
			return timeseries("Error ratio vs. error budget", 0, false, "bottom")
				.description("The share of failed events over 5m, 1h and the period, against the error budget (dashed): "
						+ "above it, the SLO spends more than it may.")
				.unit("percentunit")
				.decimals(objectiveDecimals(slo) + 1)
				.custom("axisSoftMax", round(2 * budget(slo)))
				.min(0)
				.target(ratioRule("5m") + sel, "error ratio (5m)")
				.target(ratioRule("1h") + sel, "error ratio (1h)")
				.target(ratioRule(p) + sel, "error ratio (" + p + ")")
				.target("slo:error_budget:ratio" + sel, "error budget")
				.override("error budget", "color", FieldColor.fixed("red"))
				.override("error budget", "custom.lineStyle", LineStyle.dashed(10, 10))
				.override("error budget", "custom.lineWidth", 2)
				.size(12, 8);
		}

		/** The burn rate over the alert windows, each alert factor a dashed line in its severity's colour. */
		private Panel burnRate(Slo slo, String sel) {
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
			// the windows in distinct colours; the thresholds only draw the factor lines
			Panel panel = timeseries("Burn rate", 0, true, "right").description(description.toString())
				.unit("none")
				.decimals(2)
				.min(0)
				.size(GridPos.COLUMNS, 9);
			slo.thresholds()
				.stream()
				.mapToDouble((threshold) -> round(threshold.factor()))
				.max()
				.ifPresent((max) -> panel.custom("axisSoftMax", Math.ceil(max * 1.1)));
			List<Step> steps = new ArrayList<>(List.of(Step.base("transparent")));
			Map<Double, String> lines = new TreeMap<>();
			for (BurnThreshold threshold : slo.thresholds()) {
				lines.putIfAbsent(round(threshold.factor()), severityColor(threshold.severity()));
			}
			lines.forEach((factor, color) -> steps.add(Step.at(factor, color)));
			panel.thresholds(steps.toArray(Step[]::new));
			Set<Duration> windows = new TreeSet<>(BURN_RATE_WINDOWS);
			slo.thresholds().forEach((threshold) -> windows.add(threshold.longWindow()));
			for (Duration window : windows) {
				String w = window(window);
				panel.target(ratioRule(w) + sel + ON + "slo:error_budget:ratio" + sel, w);
			}
			return panel;
		}

		/** Per severity: 2 firing, 1 pending, 0 not (while the SLO's recordings exist). */
		private Panel alerts(Slo slo, String sel) {
			String title = (slo.alertName() != null) ? "Alerts: " + slo.alertName() : "Alerts";
			// the values are states (mapped to text), not quantities
			Panel panel = Panel.stateTimeline(title)
				.description("The SLO's burn-rate alerts by severity: firing, pending or OK.")
				.unit("none")
				.option("legend", "showLegend", false)
				.option("rowHeight", 0.8)
				.option("showValue", "never")
				.size(GridPos.COLUMNS, 5);
			alertStates("red").values().forEach((state) -> panel.valueMapping(state.value(), state.text(), state.color()));
			String alert = "ALERTS{"
					+ ((slo.alertName() != null) ? "alertname=" + quote(slo.alertName()) + ", " : "")
					+ sel.substring(1, sel.length() - 1);
			String ok = "\nor on() 0 * max(slo:objective:ratio" + sel + ")";
			List<String> severities = severities(List.of(slo));
			if (severities.isEmpty()) {
				panel.target("max(2 * " + alert + ", alertstate=\"firing\"} or " + alert + ", alertstate=\"pending\"})" + ok,
						"alerts");
			}
			for (String severity : severities) {
				String matchers = alert + ", sloth_severity=" + quote(severity);
				panel.target("max(2 * " + matchers + ", alertstate=\"firing\"} or " + matchers + ", alertstate=\"pending\"})"
						+ ok, severity)
					.override(severity, "mappings", alertStates(severityColor(severity)));
			}
			return panel;
		}

		// ---- panel styles

		/** A time series panel: legend as a table, area filled with an opacity gradient when filled at all. */
		private static Panel timeseries(String title, int fillOpacity, boolean thresholdLines, String legendPlacement) {
			Panel panel = Panel.timeseries(title)
				.custom("fillOpacity", fillOpacity)
				.custom("gradientMode", (fillOpacity > 0) ? "opacity" : "none")
				.option("legend", "placement", legendPlacement);
			return thresholdLines ? panel.thresholdLines() : panel;
		}

		/** An alert's states: 0 OK, 1 pending, 2 firing (in the colour of its severity). */
		private static ValueMappings alertStates(String firingColor) {
			return ValueMappings.NONE.and("0", "OK", "green").and("1", "Pending", "yellow").and("2", "Firing", firingColor);
		}

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
