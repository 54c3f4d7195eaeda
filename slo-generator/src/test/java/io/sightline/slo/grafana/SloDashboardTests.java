package io.sightline.slo.grafana;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.sightline.slo.grafana.SloDashboard.BurnThreshold;
import io.sightline.slo.grafana.SloDashboard.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SloDashboardTests {

	/** Set to {@code true} to (re)write the golden file instead of comparing with it. */
	static final String WRITE_GOLDEN = "sightline.golden.write";

	static final Path GOLDEN = Path.of("src/test/resources/golden/grafana/slo-dashboard.json");

	static final String TITLE = "Sightline SLOs";

	/** The workbook's windows with the 30-day factors. */
	static final List<BurnThreshold> THIRTY_DAYS = List.of(
			new BurnThreshold("page", Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
			new BurnThreshold("page", Duration.ofHours(6), Duration.ofMinutes(30), 6),
			new BurnThreshold("ticket", Duration.ofDays(1), Duration.ofHours(2), 3),
			new BurnThreshold("ticket", Duration.ofDays(3), Duration.ofHours(6), 1));

	/** The 28-day factors: nothing like the 30-day ones, so they cannot be hard-coded. */
	static final List<BurnThreshold> TWENTY_EIGHT_DAYS = List.of(
			new BurnThreshold("page", Duration.ofHours(1), Duration.ofMinutes(5), 13.44),
			new BurnThreshold("page", Duration.ofHours(6), Duration.ofMinutes(30), 5.6),
			new BurnThreshold("ticket", Duration.ofDays(1), Duration.ofHours(2), 2.8),
			new BurnThreshold("ticket", Duration.ofDays(3), Duration.ofHours(6), 0.93));

	static final List<Slo> SLOS = List.of(
			new Slo("checkout", "availability", "Checkout API requests succeed", 99.9, Duration.ofDays(30),
					"CheckoutAvailabilityBudgetBurn", THIRTY_DAYS),
			new Slo("checkout", "latency", "Checkout API requests answer within 300 ms", 99.0, Duration.ofDays(30),
					"CheckoutLatencyBudgetBurn", THIRTY_DAYS),
			new Slo("payments", "availability", "Payments are authorised without server errors", 99.95,
					Duration.ofDays(28), "PaymentsAvailabilityBudgetBurn", TWENTY_EIGHT_DAYS));

	/** The series the rule generator records (for the fixture's 30 and 28 day periods), and Prometheus' own. */
	static final Set<String> SERIES = Set.of("slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m",
			"slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate2h", "slo:sli_error:ratio_rate6h",
			"slo:sli_error:ratio_rate1d", "slo:sli_error:ratio_rate3d", "slo:sli_error:ratio_rate30d",
			"slo:sli_error:ratio_rate28d", "slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days",
			"slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio",
			"sloth_slo_info", "ALERTS");

	static final Pattern SERIES_SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

	static final Pattern RECORDING = Pattern.compile("slo:[a-zA-Z0-9_:]+");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void matchesTheGoldenFile() throws IOException {
		String json = SloDashboard.render(TITLE, SLOS);
		if (Boolean.getBoolean(WRITE_GOLDEN)) {
			Files.createDirectories(GOLDEN.getParent());
			Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(GOLDEN)) {
			fail("no golden file " + GOLDEN + ": run the test with -D" + WRITE_GOLDEN + "=true to write it");
		}
		String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
		if (!golden.equals(json)) {
			fail(firstDifference(golden, json));
		}
	}

	@Test
	void isAGrafanaDashboard() {
		JsonNode dashboard = dashboard(SLOS);
		assertThat(dashboard.get("uid").asString()).isEqualTo("sightline-slo");
		assertThat(dashboard.get("title").asString()).isEqualTo(TITLE);
		assertThat(dashboard.get("schemaVersion").asInt()).isEqualTo(39);
		assertThat(dashboard.get("tags").valueStream().map(JsonNode::asString)).containsExactly("sightline", "slo");
		assertThat(dashboard.get("time").get("from").asString()).isEqualTo("now-7d");
		assertThat(dashboard.get("refresh").asString()).isEqualTo("1m");
		List<JsonNode> variables = dashboard.get("templating").get("list").valueStream().toList();
		assertThat(variables).extracting((variable) -> variable.get("name").asString())
			.containsExactly("datasource", "service");
		assertThat(variables.get(0).get("type").asString()).isEqualTo("datasource");
		assertThat(variables.get(0).get("query").asString()).isEqualTo("prometheus");
		JsonNode service = variables.get(1);
		assertThat(service.get("definition").asString()).isEqualTo("label_values(sloth_slo_info, sloth_service)");
		assertThat(service.get("multi").asBoolean()).isTrue();
		assertThat(service.get("includeAll").asBoolean()).isTrue();
		assertThat(service.get("allValue").asString()).isEqualTo("checkout|payments");
	}

	@Test
	void isPrettyPrintedWithATrailingNewline() {
		String json = SloDashboard.render(TITLE, SLOS);
		assertThat(json).startsWith("{\n  \"annotations\": {\n    \"list\": [\n      {\n").endsWith("}\n");
		assertThat(json).doesNotContain("\r").doesNotContain("\t");
	}

	@Test
	void isDeterministic() {
		assertThat(SloDashboard.render(TITLE, SLOS)).isEqualTo(SloDashboard.render(TITLE, List.copyOf(SLOS)));
	}

	@Test
	void everyPanelQueriesTheDatasourceVariable() {
		JsonNode dashboard = dashboard(SLOS);
		List<JsonNode> panels = panels(dashboard);
		assertThat(panels).hasSizeGreaterThan(SLOS.size() * 8);
		for (JsonNode panel : panels) {
			assertDatasourceVariable(panel, panel.get("title").asString());
			for (JsonNode target : targets(panel)) {
				assertDatasourceVariable(target, panel.get("title").asString() + " " + target.get("refId").asString());
			}
		}
		for (JsonNode annotation : dashboard.get("annotations").get("list")) {
			assertDatasourceVariable(annotation, annotation.get("name").asString());
		}
		assertDatasourceVariable(dashboard.get("templating").get("list").get(1), "service variable");
	}

	@Test
	void everyQueryReadsTheGeneratedRules() {
		JsonNode dashboard = dashboard(SLOS);
		List<String> exprs = new ArrayList<>(exprs(panels(dashboard)));
		dashboard.get("annotations").get("list").forEach((annotation) -> exprs.add(annotation.get("expr").asString()));
		exprs.add(dashboard.get("templating").get("list").get(1).get("definition").asString());
		assertThat(exprs).hasSizeGreaterThan(SLOS.size() * 15);
		for (String expr : exprs) {
			List<String> selected = matches(SERIES_SELECTOR, expr).stream()
				.map((name) -> name.replaceAll("\\{$", ""))
				.toList();
			List<String> mentioned = new ArrayList<>(matches(RECORDING, expr));
			if (expr.contains("sloth_slo_info")) {
				mentioned.add("sloth_slo_info");
			}
			mentioned.addAll(selected);
			assertThat(mentioned).as(expr).isNotEmpty();
			assertThat(SERIES).as(expr).containsAll(mentioned);
		}
	}

	@Test
	void theOverviewShowsEverySloFilteredByTheServiceVariable() {
		JsonNode dashboard = dashboard(SLOS);
		List<JsonNode> overview = topLevel(dashboard).stream()
			.filter((panel) -> !panel.get("type").asString().equals("row"))
			.toList();
		assertThat(overview).extracting((panel) -> panel.get("title").asString())
			.contains("SLOs", "Error budget remaining", "Firing SLO alerts");
		String filter = "sloth_service=~\"$service\", "
				+ "sloth_id=~\"checkout-availability|checkout-latency|payments-availability\"";
		for (String expr : exprs(overview)) {
			assertThat(expr).contains(filter);
		}
		JsonNode table = overview.stream().filter((panel) -> panel.get("type").asString().equals("table")).findFirst()
			.orElseThrow();
		assertThat(exprs(List.of(table))).anySatisfy((expr) -> assertThat(expr).contains("slo:objective:ratio"))
			.anySatisfy((expr) -> assertThat(expr).contains("1 - ")
				.contains("slo:sli_error:ratio_rate30d")
				.contains("slo:sli_error:ratio_rate28d"))
			.anySatisfy((expr) -> assertThat(expr).contains("slo:period_error_budget_remaining:ratio"))
			.anySatisfy((expr) -> assertThat(expr).contains("slo:current_burn_rate:ratio"))
			.anySatisfy((expr) -> assertThat(expr).contains("ALERTS{alertstate=\"firing\""));
		JsonNode budget = table.get("fieldConfig").get("overrides").valueStream()
			.filter((override) -> override.get("matcher").get("options").asString().equals("Budget remaining"))
			.findFirst().orElseThrow();
		assertThat(budget.toString()).contains("\"red\"", "\"orange\"", "\"green\"", "percentunit");
	}

	@Test
	void everySloHasARowSelectingItsSeries() {
		JsonNode dashboard = dashboard(SLOS);
		List<JsonNode> rows = sloRows(dashboard);
		assertThat(rows).hasSameSizeAs(SLOS);
		for (int i = 0; i < SLOS.size(); i++) {
			Slo slo = SLOS.get(i);
			JsonNode row = rows.get(i);
			assertThat(row.get("collapsed").asBoolean()).isTrue();
			assertThat(row.get("title").asString()).contains(slo.service() + " / " + slo.name(), slo.description());
			List<JsonNode> panels = row.get("panels").valueStream().toList();
			assertThat(panels).extracting((panel) -> panel.get("type").asString())
				.contains("stat", "timeseries", "state-timeline");
			String selector = "sloth_service=\"" + slo.service() + "\", sloth_slo=\"" + slo.name() + "\"";
			List<String> exprs = exprs(panels);
			assertThat(exprs).isNotEmpty().allSatisfy((expr) -> assertThat(expr).contains(selector));
			for (Slo other : SLOS) {
				if (other != slo) {
					String theirs = "sloth_service=\"" + other.service() + "\", sloth_slo=\"" + other.name() + "\"";
					assertThat(exprs).noneSatisfy((expr) -> assertThat(expr).contains(theirs));
				}
			}
			String period = "slo:sli_error:ratio_rate" + slo.period().toDays() + "d";
			JsonNode sli = panel(panels, "SLI (" + slo.period().toDays() + "d)");
			assertThat(exprs(List.of(sli))).containsExactly("1 - " + period + "{" + selector + "}");
			assertThat(sli.get("fieldConfig").get("defaults").get("unit").asString()).isEqualTo("percentunit");
			JsonNode objective = sli.get("fieldConfig").get("defaults").get("thresholds").get("steps").get(1);
			assertThat(objective.get("value").asDouble()).isEqualTo(slo.objectivePercent() / 100, within());
			assertThat(exprs(List.of(panel(panels, "Error budget remaining (" + slo.period().toDays() + "d)"))))
				.containsExactly("slo:period_error_budget_remaining:ratio{" + selector + "}");
			assertThat(exprs(List.of(panel(panels, "Error ratio vs. error budget")))).anySatisfy(
					(expr) -> assertThat(expr).isEqualTo(period + "{" + selector + "}"))
				.anySatisfy((expr) -> assertThat(expr).isEqualTo("slo:error_budget:ratio{" + selector + "}"));
			JsonNode alerts = panel(panels, "Alerts: " + slo.alertName());
			assertThat(alerts.get("type").asString()).isEqualTo("state-timeline");
			assertThat(exprs(List.of(alerts))).hasSize(2)
				.allSatisfy((expr) -> assertThat(expr).contains("ALERTS{alertname=\"" + slo.alertName() + "\", "))
				.anySatisfy((expr) -> assertThat(expr).contains("sloth_severity=\"page\""))
				.anySatisfy((expr) -> assertThat(expr).contains("sloth_severity=\"ticket\""));
		}
	}

	@Test
	void theBurnRatePanelDrawsTheFactorsPassedIn() {
		JsonNode dashboard = dashboard(SLOS);
		List<JsonNode> rows = sloRows(dashboard);
		for (int i = 0; i < SLOS.size(); i++) {
			Slo slo = SLOS.get(i);
			JsonNode burnRate = panel(rows.get(i).get("panels").valueStream().toList(), "Burn rate");
			assertThat(thresholdLines(burnRate)).as(slo.name())
				.containsExactlyElementsOf(slo.thresholds().stream().map(BurnThreshold::factor).sorted().toList());
			JsonNode defaults = burnRate.get("fieldConfig").get("defaults");
			assertThat(defaults.get("custom").get("thresholdsStyle").get("mode").asString()).isEqualTo("dashed");
			assertThat(defaults.get("unit").asString()).isEqualTo("none");
			assertThat(defaults.get("color").get("mode").asString()).as("series coloured apart from the thresholds")
				.isEqualTo("palette-classic");
			assertThat(targets(burnRate)).extracting((target) -> target.get("legendFormat").asString())
				.containsExactly("5m", "1h", "6h", "1d", "3d");
			assertThat(exprs(List.of(burnRate))).allSatisfy((expr) -> assertThat(expr).contains("slo:error_budget:ratio"));
		}
		assertThat(thresholdLines(panel(rows.get(2).get("panels").valueStream().toList(), "Burn rate")))
			.containsExactly(0.93, 2.8, 5.6, 13.44);
	}

	@Test
	void factorsWithFloatNoiseAreDrawnLikeTheAlertRulesWriteThem() {
		double noisy = 0.02 * Duration.ofDays(30).toSeconds() / (double) Duration.ofHours(1).toSeconds();
		Slo slo = new Slo("checkout", "availability", null, 99.9, Duration.ofDays(30), null,
				List.of(new BurnThreshold("page", Duration.ofHours(1), Duration.ofMinutes(5), noisy)));
		JsonNode burnRate = panel(sloRows(dashboard(List.of(slo))).get(0).get("panels").valueStream().toList(),
				"Burn rate");
		assertThat(thresholdLines(burnRate)).containsExactly(14.4);
	}

	@Test
	void panelsDoNotOverlap() {
		JsonNode dashboard = dashboard(SLOS);
		assertNoOverlap("top level", topLevel(dashboard));
		for (JsonNode row : sloRows(dashboard)) {
			List<JsonNode> children = row.get("panels").valueStream().toList();
			assertNoOverlap(row.get("title").asString(), children);
			int rowY = row.get("gridPos").get("y").asInt();
			assertThat(children).allSatisfy((panel) -> assertThat(panel.get("gridPos").get("y").asInt()).isGreaterThan(rowY));
		}
	}

	@Test
	void panelIdsAreUnique() {
		List<Integer> ids = panels(dashboard(SLOS)).stream().map((panel) -> panel.get("id").asInt()).toList();
		assertThat(ids).doesNotHaveDuplicates().allSatisfy((id) -> assertThat(id).isPositive());
	}

	@Test
	void rejectsInvalidInput() {
		Slo valid = SLOS.get(0);
		assertThatIllegalArgumentException().isThrownBy(() -> SloDashboard.render(TITLE, List.of()))
			.withMessageContaining("at least one SLO");
		assertThatIllegalArgumentException().isThrownBy(() -> SloDashboard.render(TITLE, null))
			.withMessageContaining("at least one SLO");
		assertThatIllegalArgumentException().isThrownBy(() -> SloDashboard.render(" ", SLOS))
			.withMessageContaining("title");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(valid, withName(valid, null))))
			.withMessageContaining("SLO #2")
			.withMessageContaining("name must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(new Slo(null, "availability", null, 99.9,
					Duration.ofDays(30), null, List.of()))))
			.withMessageContaining("service must not be blank");
		for (double objective : new double[] { 100, 0, -1, 100.5, Double.NaN }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> SloDashboard.render(TITLE, List.of(withObjective(valid, objective))))
				.withMessageContaining("checkout/availability")
				.withMessageContaining("objective must be in (0, 100)");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(valid, valid)))
			.withMessageContaining("listed twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(withPeriod(valid, Duration.ofDays(1)))))
			.withMessageContaining("period");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(withThresholds(valid,
					List.of(new BurnThreshold("page", Duration.ofMinutes(45), Duration.ofMinutes(5), 14.4))))))
			.withMessageContaining("no error ratio is recorded for the burn-rate window 45m");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(withThresholds(valid,
					List.of(new BurnThreshold("page", Duration.ofHours(1), Duration.ofMinutes(5), 0))))))
			.withMessageContaining("factor must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SloDashboard.render(TITLE, List.of(withThresholds(valid, null))))
			.withMessageContaining("thresholds");
	}

	@Test
	void anSloWithoutAlertsStillGetsItsPanels() {
		Slo quiet = new Slo("search", "latency", null, 95, Duration.ofDays(7), null, List.of());
		JsonNode dashboard = dashboard(List.of(quiet));
		List<JsonNode> panels = sloRows(dashboard).get(0).get("panels").valueStream().toList();
		assertThat(thresholdLines(panel(panels, "Burn rate"))).isEmpty();
		assertThat(exprs(List.of(panel(panels, "Alerts")))).singleElement()
			.satisfies((expr) -> assertThat(expr).contains("ALERTS{sloth_service=\"search\", sloth_slo=\"latency\""));
		assertThat(exprs(List.of(panel(panels, "SLI (7d)")))).singleElement()
			.satisfies((expr) -> assertThat(expr).contains("slo:sli_error:ratio_rate7d"));
	}

	@Test
	void everyQueryIsValidPromQl(@TempDir Path dir) throws Exception {
		Path promtool = promtool();
		assumeTrue(promtool != null, "promtool is not on the PATH");
		JsonNode dashboard = dashboard(SLOS);
		List<String> exprs = new ArrayList<>(exprs(panels(dashboard)));
		dashboard.get("annotations").get("list").forEach((annotation) -> exprs.add(annotation.get("expr").asString()));
		ObjectNode file = JSON.createObjectNode();
		ObjectNode group = file.putArray("groups").addObject();
		group.put("name", "dashboard");
		ArrayNode rules = group.putArray("rules");
		for (int i = 0; i < exprs.size(); i++) {
			ObjectNode rule = rules.addObject();
			rule.put("record", "dashboard_query_" + i);
			rule.put("expr", withAllServices(exprs.get(i)));
		}
		Path rulesFile = dir.resolve("dashboard-queries.json");
		Files.writeString(rulesFile, JSON.writeValueAsString(file));
		assertThat(run(promtool, "check", "rules", rulesFile.toString())).contains("SUCCESS: " + exprs.size() + " rules found");
	}

	/**
	 * The queries evaluated by promtool on series labelled like the rule generator's, spec labels
	 * included: they match one another and compute the burn rate, time to exhaustion and alert state.
	 */
	@Test
	void theQueriesComputeFromTheGeneratedSeries(@TempDir Path dir) throws Exception {
		Path promtool = promtool();
		assumeTrue(promtool != null, "promtool is not on the PATH");
		String checkout = "owner=\"team-checkout\", sloth_id=\"checkout-availability\", sloth_service=\"checkout\", "
				+ "sloth_slo=\"availability\"";
		String payments = "sloth_id=\"payments-availability\", sloth_service=\"payments\", sloth_slo=\"availability\"";
		ObjectNode file = JSON.createObjectNode();
		file.putArray("rule_files").add("no-rules.json");
		file.put("evaluation_interval", "1m");
		ObjectNode test = file.putArray("tests").addObject();
		test.put("interval", "1m");
		ArrayNode series = test.putArray("input_series");
		// burn rates 32 (5m), 16 (1h), 8 (6h), 4 (1d), 2 (3d): powers of two keep the floats exact
		String[][] ratios = { { "5m", "0.032" }, { "30m", "0.016" }, { "1h", "0.016" }, { "2h", "0.008" },
				{ "6h", "0.008" }, { "1d", "0.004" }, { "3d", "0.002" }, { "30d", "0.00048828125" } };
		for (String[] ratio : ratios) {
			series(series, "slo:sli_error:ratio_rate" + ratio[0] + "{" + checkout + ", sloth_window=\"" + ratio[0] + "\"}",
					ratio[1]);
		}
		series(series, "slo:objective:ratio{" + checkout + "}", "0.999");
		series(series, "slo:error_budget:ratio{" + checkout + "}", "0.001");
		series(series, "slo:time_period:days{" + checkout + "}", "30");
		series(series, "slo:current_burn_rate:ratio{" + checkout + "}", "32");
		series(series, "slo:period_error_budget_remaining:ratio{" + checkout + "}", "0.5");
		String alert = "alertname=\"CheckoutAvailabilityBudgetBurn\", " + checkout;
		series(series, "ALERTS{" + alert + ", alertstate=\"firing\", severity=\"page\", sloth_severity=\"page\"}", "1");
		series(series, "ALERTS{" + alert + ", alertstate=\"pending\", severity=\"ticket\", sloth_severity=\"ticket\"}",
				"1");
		series(series, "slo:sli_error:ratio_rate1h{" + payments + ", sloth_window=\"1h\"}", "0");
		series(series, "slo:sli_error:ratio_rate28d{" + payments + ", sloth_window=\"28d\"}", "0");
		series(series, "slo:objective:ratio{" + payments + "}", "0.9995");
		series(series, "slo:error_budget:ratio{" + payments + "}", "0.0005");
		series(series, "slo:time_period:days{" + payments + "}", "28");
		series(series, "slo:period_error_budget_remaining:ratio{" + payments + "}", "1");

		JsonNode dashboard = dashboard(SLOS);
		List<JsonNode> checkoutRow = sloRows(dashboard).get(0).get("panels").valueStream().toList();
		List<JsonNode> paymentsRow = sloRows(dashboard).get(2).get("panels").valueStream().toList();
		List<JsonNode> overview = topLevel(dashboard);
		String ids = "{sloth_id=\"checkout-availability\", sloth_service=\"checkout\", sloth_slo=\"availability\"}";
		String byName = "{sloth_service=\"%s\", sloth_slo=\"availability\"}";
		ArrayNode checks = test.putArray("promql_expr_test");
		check(checks, expr(checkoutRow, "Burn rate", "A"), ids, 32);
		check(checks, expr(checkoutRow, "Burn rate", "B"), ids, 16);
		check(checks, expr(checkoutRow, "Burn rate", "E"), ids, 2);
		check(checks, expr(checkoutRow, "Budget exhausted in", "A"), ids, 0.5 * 30 * 86400 / 16);
		check(checks, expr(checkoutRow, "SLI (30d)", "A"),
				"{owner=\"team-checkout\", sloth_id=\"checkout-availability\", sloth_service=\"checkout\", "
						+ "sloth_slo=\"availability\", sloth_window=\"30d\"}",
				1 - 0.00048828125);
		check(checks, expr(checkoutRow, "Alerts: CheckoutAvailabilityBudgetBurn", "A"), "{}", 2);
		check(checks, expr(checkoutRow, "Alerts: CheckoutAvailabilityBudgetBurn", "B"), "{}", 1);
		check(checks, expr(paymentsRow, "Alerts: PaymentsAvailabilityBudgetBurn", "A"), "{}", 0);
		// nothing burns: capped at ten 28-day periods, which the panel maps to "Not burning"
		check(checks, expr(paymentsRow, "Budget exhausted in", "A"), ids.replace("checkout", "payments"),
				10 * 28 * 86400);
		check(checks, expr(overview, "SLOs", "C"), byName.formatted("checkout"), 1 - 0.00048828125,
				byName.formatted("payments"), 1);
		check(checks, expr(overview, "SLOs", "F"), byName.formatted("checkout"), 1, byName.formatted("payments"), 0);
		check(checks, expr(overview, "Firing SLO alerts", "A"), "{}", 1);
		check(checks, expr(overview, "Firing SLO alerts", "B"), "{}", 0);
		Files.writeString(dir.resolve("no-rules.json"), "{\"groups\": []}");
		Path tests = dir.resolve("dashboard-queries.test.json");
		Files.writeString(tests, JSON.writeValueAsString(file));
		assertThat(run(promtool, "test", "rules", tests.toString())).contains("SUCCESS");
	}

	// ---- helpers

	static Path promtool() {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	static String run(Path command, String... arguments) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		line.add(command.toString());
		line.addAll(List.of(arguments));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", line) + "\n" + output).isZero();
		return output;
	}

	/** The dashboard with every service selected (the variable's allValue). */
	static String withAllServices(String expr) {
		return expr.replace("$service", "checkout|payments");
	}

	static String expr(List<JsonNode> panels, String title, String refId) {
		return withAllServices(targets(panel(panels, title)).stream()
			.filter((target) -> target.get("refId").asString().equals(refId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no query " + refId + " in " + title))
			.get("expr")
			.asString());
	}

	static void series(ArrayNode series, String selector, String value) {
		series.addObject().put("series", selector).put("values", value + "+0x10");
	}

	/** Expects the labels and values, in pairs, at 5 minutes. */
	static void check(ArrayNode checks, String expr, Object... labelsAndValues) {
		ObjectNode check = checks.addObject();
		check.put("expr", expr);
		check.put("eval_time", "5m");
		ArrayNode samples = check.putArray("exp_samples");
		for (int i = 0; i < labelsAndValues.length; i += 2) {
			samples.addObject()
				.put("labels", (String) labelsAndValues[i])
				.put("value", ((Number) labelsAndValues[i + 1]).doubleValue());
		}
	}

	static JsonNode dashboard(List<Slo> slos) {
		return JSON.readTree(SloDashboard.render(TITLE, slos));
	}

	static List<JsonNode> topLevel(JsonNode dashboard) {
		return dashboard.get("panels").valueStream().toList();
	}

	static List<JsonNode> sloRows(JsonNode dashboard) {
		return topLevel(dashboard).stream()
			.filter((panel) -> panel.get("type").asString().equals("row") && panel.get("collapsed").asBoolean())
			.toList();
	}

	/** Every panel, the rows' included. */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : topLevel(dashboard)) {
			panels.add(panel);
			if (panel.has("panels")) {
				panel.get("panels").forEach(panels::add);
			}
		}
		return panels;
	}

	static JsonNode panel(List<JsonNode> panels, String title) {
		return panels.stream()
			.filter((panel) -> panel.get("title").asString().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no panel " + title));
	}

	static List<JsonNode> targets(JsonNode panel) {
		return panel.has("targets") ? panel.get("targets").valueStream().toList() : List.of();
	}

	static List<String> exprs(List<JsonNode> panels) {
		return panels.stream()
			.flatMap((panel) -> Stream.concat(Stream.of(panel),
					panel.has("panels") ? panel.get("panels").valueStream() : Stream.empty()))
			.flatMap((panel) -> targets(panel).stream())
			.map((target) -> target.get("expr").asString())
			.toList();
	}

	/** The thresholds' values: the base step has none. */
	static List<Double> thresholdLines(JsonNode panel) {
		return panel.get("fieldConfig").get("defaults").get("thresholds").get("steps").valueStream()
			.filter((step) -> !step.get("value").isNull())
			.map((step) -> step.get("value").asDouble())
			.toList();
	}

	static void assertDatasourceVariable(JsonNode node, String what) {
		assertThat(node.has("datasource")).as(what + " has a datasource").isTrue();
		assertThat(node.get("datasource").get("type").asString()).as(what).isEqualTo("prometheus");
		assertThat(node.get("datasource").get("uid").asString()).as(what).isEqualTo("${datasource}");
	}

	static void assertNoOverlap(String region, List<JsonNode> panels) {
		List<int[]> boxes = new ArrayList<>();
		for (JsonNode panel : panels) {
			JsonNode pos = panel.get("gridPos");
			int x = pos.get("x").asInt();
			int y = pos.get("y").asInt();
			int w = pos.get("w").asInt();
			int h = pos.get("h").asInt();
			String title = panel.get("title").asString();
			assertThat(x).as(region + ": " + title + " x").isNotNegative();
			assertThat(y).as(region + ": " + title + " y").isNotNegative();
			assertThat(w).as(region + ": " + title + " w").isBetween(1, 24);
			assertThat(h).as(region + ": " + title + " h").isPositive();
			assertThat(x + w).as(region + ": " + title + " right edge").isLessThanOrEqualTo(24);
			for (int[] other : boxes) {
				boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3]
						&& other[1] < y + h;
				assertThat(overlaps).as(region + ": " + title + " overlaps another panel at " + other[0] + ","
						+ other[1]).isFalse();
			}
			boxes.add(new int[] { x, y, w, h });
		}
	}

	static List<String> matches(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(matcher.groupCount() > 0 ? 1 : 0));
		}
		return found;
	}

	static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-12);
	}

	static String firstDifference(String expected, String actual) {
		String[] want = expected.split("\n", -1);
		String[] got = actual.split("\n", -1);
		int line = 0;
		while (line < want.length && line < got.length && want[line].equals(got[line])) {
			line++;
		}
		return "the dashboard differs from the golden file " + GOLDEN + " at line " + (line + 1) + ":\n  golden: "
				+ ((line < want.length) ? want[line] : "<end of file>") + "\n  actual: "
				+ ((line < got.length) ? got[line] : "<end of file>")
				+ "\nIf the change is intended, run the test with -D" + WRITE_GOLDEN
				+ "=true and review the golden file's diff.";
	}

	static Slo withName(Slo slo, String name) {
		return new Slo(slo.service(), name, slo.description(), slo.objectivePercent(), slo.period(), slo.alertName(),
				slo.thresholds());
	}

	static Slo withObjective(Slo slo, double objective) {
		return new Slo(slo.service(), slo.name(), slo.description(), objective, slo.period(), slo.alertName(),
				slo.thresholds());
	}

	static Slo withPeriod(Slo slo, Duration period) {
		return new Slo(slo.service(), slo.name(), slo.description(), slo.objectivePercent(), period, slo.alertName(),
				slo.thresholds());
	}

	static Slo withThresholds(Slo slo, List<BurnThreshold> thresholds) {
		return new Slo(slo.service(), slo.name(), slo.description(), slo.objectivePercent(), slo.period(),
				slo.alertName(), thresholds);
	}

}
