package io.sightline.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sightline.dashboards.lint.DashboardLinter;
import io.sightline.dashboards.lint.PromqlScanner;
import io.sightline.dashboards.lint.PromtoolRules;
import io.sightline.dashboards.lint.ProvisionedDatasources;
import io.sightline.dashboards.lint.Violation;
import io.sightline.it.support.PrometheusTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lints every {@code grafana/dashboards/*.json} of the repository with {@link DashboardLinter} (the applicable rules
 * of grafana/dashboard-linter plus structural checks) and, when promtool is installed, parses every PromQL
 * expression with it. The second half proves each rule can fail: small inline dashboards with one defect each.
 */
class DashboardLintTests {

	/** The repository's dashboards, as seen from the module folder (surefire's working directory). */
	static final Path DASHBOARDS = Path.of("..", "grafana", "dashboards");

	static final Path PROVISIONING = Path.of("..", "grafana", "provisioning");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<String> dashboards() throws IOException {
		if (!Files.isDirectory(DASHBOARDS)) {
			fail("No dashboards folder " + DASHBOARDS.toAbsolutePath().normalize() + " (grafana/dashboards of the "
					+ "repository, seen from the module folder); tests run in " + Path.of("").toAbsolutePath());
		}
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			List<String> names = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.sorted()
				.toList();
			if (names.isEmpty()) {
				fail("No *.json in " + DASHBOARDS.toAbsolutePath().normalize());
			}
			return names.stream();
		}
	}

	private static DashboardLinter linter() {
		return new DashboardLinter(ProvisionedDatasources.uidToType(PROVISIONING));
	}

	private static String report(String title, List<Violation> violations) {
		return violations.isEmpty() ? title + ": clean"
				: title + ": " + violations.size() + " violation(s)\n  "
						+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
	}

	// ------------------------------------------------------------------ the repository's dashboards

	@ParameterizedTest(name = "{0}")
	@MethodSource("dashboards")
	void dashboardPassesTheLinter(String file) throws IOException {
		List<Violation> violations = linter().lint(file, Files.readString(DASHBOARDS.resolve(file)));
		String report = report(file, violations);
		System.out.println(report);
		assertThat(violations).as(report).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dashboards")
	void everyExpressionParsesWithPromtool(String file, @TempDir Path temp) throws IOException {
		assumeTrue(PrometheusTools.promtool() != null,
				"promtool is not on the PATH: PromQL not parsed (" + PrometheusTools.INSTALL_HINT + ")");
		JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARDS.resolve(file)));
		List<DashboardLinter.Expression> expressions = linter().expressions(dashboard);
		List<Violation> violations = PromtoolRules.check(file, expressions, temp);
		String report = report(file + " (" + expressions.size() + " PromQL expressions, promtool)", violations);
		System.out.println(report);
		assertThat(violations).as(report).isEmpty();
	}

	@Test
	void uidsAreUniqueAcrossTheFolder() throws IOException {
		Map<String, String> files = new HashMap<>();
		for (String file : dashboards().toList()) {
			JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARDS.resolve(file)));
			String uid = dashboard.path("uid").asString("");
			assertThat(files.putIfAbsent(uid, file)).as("uid '%s' of %s is also the uid of %s", uid, file,
					files.get(uid)).isNull();
		}
	}

	@Test
	void theSloDashboardIsLinted() throws IOException {
		assertThat(dashboards().toList()).contains("sightline-slo.json");
	}

	// ------------------------------------------------------------------ each rule can fail

	private static ObjectNode target(String refId, String expr) {
		ObjectNode target = JSON.createObjectNode();
		target.put("refId", refId);
		target.set("datasource", datasource());
		target.put("expr", expr);
		return target;
	}

	private static ObjectNode datasource() {
		return JSON.createObjectNode().put("type", "prometheus").put("uid", "${datasource}");
	}

	private static ObjectNode panel(int id, String type, String title, String unit, int x, int y, int w, int h,
			String... exprs) {
		ObjectNode panel = JSON.createObjectNode();
		panel.put("id", id);
		panel.put("type", type);
		panel.put("title", title);
		panel.put("description", "What " + title + " shows.");
		panel.set("datasource", datasource());
		panel.putObject("fieldConfig").putObject("defaults").put("unit", unit);
		panel.putObject("gridPos").put("x", x).put("y", y).put("w", w).put("h", h);
		ArrayNode targets = panel.putArray("targets");
		for (int i = 0; i < exprs.length; i++) {
			targets.add(target(String.valueOf((char) ('A' + i)), exprs[i]));
		}
		return panel;
	}

	private static ObjectNode row(int id, String title, int y, boolean collapsed, ObjectNode... children) {
		ObjectNode row = JSON.createObjectNode();
		row.put("id", id);
		row.put("type", "row");
		row.put("title", title);
		row.put("collapsed", collapsed);
		row.putObject("gridPos").put("x", 0).put("y", y).put("w", 24).put("h", 1);
		ArrayNode panels = row.putArray("panels");
		for (ObjectNode child : children) {
			panels.add(child);
		}
		return row;
	}

	private static ObjectNode queryVariable(String name, String query) {
		ObjectNode variable = JSON.createObjectNode();
		variable.put("name", name);
		variable.put("type", "query");
		variable.set("datasource", datasource());
		variable.putObject("query").put("query", query).put("refId", "PrometheusVariableQueryEditor-VariableQuery");
		variable.put("definition", query);
		variable.put("refresh", 2);
		variable.put("multi", true);
		variable.put("includeAll", true);
		return variable;
	}

	/** A small dashboard that follows every rule; each negative test breaks one thing. */
	static ObjectNode clean() {
		ObjectNode dashboard = JSON.createObjectNode();
		dashboard.put("uid", "sightline-test");
		dashboard.put("title", "Sightline / Test");
		dashboard.putArray("tags").add("sightline");
		dashboard.put("schemaVersion", 39);
		ObjectNode builtIn = dashboard.putObject("annotations").putArray("list").addObject();
		builtIn.put("builtIn", 1).put("enable", true).put("name", "Annotations & Alerts").put("type", "dashboard");
		builtIn.putObject("datasource").put("type", "grafana").put("uid", "-- Grafana --");
		ArrayNode variables = dashboard.putObject("templating").putArray("list");
		variables.addObject().put("name", "datasource").put("type", "datasource").put("query", "prometheus");
		variables.add(queryVariable("application", "label_values(jvm_info, application)"));
		variables.add(queryVariable("instance", "label_values(jvm_info{application=~\"$application\"}, instance)"));
		String app = "application=~\"$application\", instance=~\"$instance\"";
		ArrayNode panels = dashboard.putArray("panels");
		panels.add(row(1, "HTTP", 0, false));
		panels.add(panel(2, "timeseries", "Request rate", "reqps", 0, 1, 12, 8,
				"sum by (uri) (rate(http_server_requests_seconds_count{" + app + "}[$__rate_interval]))"));
		panels.add(panel(3, "timeseries", "Latency p99", "s", 12, 1, 12, 8,
				"histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{" + app
						+ "}[$__rate_interval])))",
				"sum(rate(http_server_requests_seconds_bucket{" + app + ", le=\"0.5\"}[$__rate_interval]))"
						+ " / on() group_left sum(rate(http_server_requests_seconds_count{" + app
						+ "}[${__rate_interval}]))"));
		panels.add(row(4, "JVM", 9, true,
				panel(5, "stat", "Heap used", "bytes", 0, 10, 12, 4,
						"sum without (area, id) (jvm_memory_used_bytes{" + app + ", area=\"heap\"})"),
				panel(6, "stat", "CPUs", "none", 12, 10, 12, 4,
						"max(system_cpu_count{application=\"$application\"}) + 0 * max(up)")));
		return dashboard;
	}

	private static List<Violation> lint(Consumer<ObjectNode> defect) {
		ObjectNode dashboard = clean();
		defect.accept(dashboard);
		return linter().lint("sightline-test.json", dashboard);
	}

	private static ObjectNode panel(ObjectNode dashboard, int index) {
		return (ObjectNode) dashboard.get("panels").get(index);
	}

	private static ObjectNode firstTarget(ObjectNode dashboard, int index) {
		return (ObjectNode) panel(dashboard, index).get("targets").get(0);
	}

	private static void assertRule(List<Violation> violations, String rule, String messagePart) {
		System.out.println(report("negative case for " + rule, violations));
		assertThat(violations).as(report("expected " + rule, violations))
			.anySatisfy((violation) -> {
				assertThat(violation.rule()).isEqualTo(rule);
				assertThat(violation.message()).contains(messagePart);
			});
	}

	@Test
	void theCleanFixtureHasNoViolation() {
		List<Violation> violations = lint((dashboard) -> {
		});
		assertThat(violations).as(report("clean fixture", violations)).isEmpty();
	}

	@Test
	void rejectsInvalidJson() {
		assertRule(linter().lint("broken.json", "{\"uid\": \"broken\", "), "dashboard-json-rule", "not valid JSON");
	}

	@Test
	void rejectsAnOldSchemaVersion() {
		assertRule(lint((d) -> d.put("schemaVersion", 38)), "dashboard-schema-version-rule", "must be >= 39");
	}

	@Test
	void rejectsAMissingUidOrOneThatDiffersFromTheFileName() {
		assertRule(lint((d) -> d.remove("uid")), "dashboard-uid-rule", "no fixed uid");
		assertRule(lint((d) -> d.put("uid", "other")), "dashboard-uid-rule", "differs from the file name");
	}

	@Test
	void rejectsMissingTagsOrTitle() {
		assertRule(lint((d) -> d.putArray("tags")), "dashboard-tags-rule", "no tags");
		assertRule(lint((d) -> d.remove("title")), "dashboard-title-rule", "no title");
	}

	@Test
	void rejectsExportInputsAndDsPlaceholders() {
		assertRule(lint((d) -> d.putArray("__inputs").addObject().put("name", "DS_PROMETHEUS")),
				"dashboard-no-inputs-rule", "__inputs");
		List<Violation> violations = lint((d) -> firstTarget(d, 1).putObject("datasource")
			.put("type", "prometheus")
			.put("uid", "${DS_PROMETHEUS}"));
		assertRule(violations, "dashboard-no-inputs-rule", "${DS_PROMETHEUS}");
		assertRule(violations, "panel-datasource-rule", "does not use a templated data source");
	}

	@Test
	void rejectsAMissingOrWrongDatasourceVariable() {
		assertRule(lint((d) -> ((ArrayNode) d.get("templating").get("list")).remove(0)), "template-datasource-rule",
				"no templated data source");
		assertRule(lint((d) -> ((ObjectNode) d.get("templating").get("list").get(0)).put("query", "loki")),
				"template-datasource-rule", "with query 'prometheus'");
	}

	@Test
	void rejectsAHardCodedOrBuiltInPanelDatasource() {
		assertRule(lint((d) -> panel(d, 1).putObject("datasource").put("type", "prometheus").put("uid", "prometheus")),
				"panel-datasource-rule", "uses 'prometheus'");
		assertRule(lint((d) -> panel(d, 2).putObject("datasource").put("type", "grafana").put("uid", "-- Grafana --")),
				"panel-datasource-rule", "annotations only");
		assertRule(lint((d) -> panel(d, 1).remove("datasource")), "panel-datasource-rule", "no datasource");
		assertRule(lint((d) -> panel(d, 1).put("datasource", "$datasource")), "datasource-ref-rule",
				"legacy string reference");
	}

	@Test
	void rejectsADatasourceThatIsNotProvisioned() {
		assertRule(lint((d) -> ((ArrayNode) d.get("annotations").get("list")).addObject()
			.put("name", "Releases")
			.putObject("datasource")
			.put("type", "influxdb")
			.put("uid", "influxdb-releases")), "datasource-exists-rule", "uid 'influxdb-releases' is not provisioned");
		assertRule(lint((d) -> ((ArrayNode) d.get("annotations").get("list")).addObject()
			.put("name", "Releases")
			.putObject("datasource")
			.put("type", "prometheus")
			.put("uid", "influxdb-events")), "datasource-exists-rule", "is provisioned as 'influxdb'");
	}

	@Test
	void rejectsMissingApplicationOrInstanceVariables() {
		assertRule(lint((d) -> ((ArrayNode) d.get("templating").get("list")).remove(2)),
				"template-required-variables-rule", "no 'instance' variable");
		assertRule(lint((d) -> ((ArrayNode) d.get("templating").get("list")).set(1,
				queryVariable("application", "query_result(jvm_info)"))), "template-required-variables-rule",
				"label_values(…, application)");
	}

	@Test
	void rejectsAVariableThatDoesNotReloadOnTimeChange() {
		assertRule(lint((d) -> ((ObjectNode) d.get("templating").get("list").get(2)).put("refresh", 1)),
				"template-on-time-change-reload-rule", "must be 2");
	}

	@Test
	void rejectsAnUnusedVariable() {
		assertRule(lint((d) -> ((ArrayNode) d.get("templating").get("list")).add(queryVariable("uri",
				"label_values(http_server_requests_seconds_count{application=~\"$application\"}, uri)"))),
				"template-unused-rule", "not used");
	}

	@Test
	void rejectsARateWithoutRateInterval() {
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(rate(http_server_requests_seconds_count{application=~\"$application\", instance=~\"$instance\"}[5m]))")),
				"target-rate-interval-rule", "should use [$__rate_interval]");
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(increase(http_server_requests_seconds_count{application=~\"$application\", instance=~\"$instance\"}[$__range]))")),
				"target-rate-interval-rule", "increase(…[$__range])");
	}

	@Test
	void rejectsACounterOutsideRate() {
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(http_server_requests_seconds_count{application=~\"$application\", instance=~\"$instance\"})")),
				"target-counter-agg-rule", "is not inside rate");
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"max_over_time(logback_events_total{application=~\"$application\", instance=~\"$instance\"}[$__rate_interval])")),
				"target-counter-agg-rule", "logback_events_total");
	}

	@Test
	void rejectsABucketOutsideHistogramQuantile() {
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum by (le) (rate(http_server_requests_seconds_bucket{application=~\"$application\", instance=~\"$instance\"}[$__rate_interval]))")),
				"target-histogram-rule", "histogram_quantile");
	}

	@Test
	void rejectsASelectorWithoutTheApplicationMatcher() {
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(rate(http_server_requests_seconds_count{application=~\"$application\", instance=~\"$instance\"}[$__rate_interval]))"
						+ " / sum(rate(http_server_requests_seconds_count[$__rate_interval]))")),
				"target-application-rule", "has no application=~\"$application\" matcher");
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(rate(http_server_requests_seconds_count{application=\"gateway\"}[$__rate_interval]))")),
				"target-application-rule", "must select application=~\"$application\"");
	}

	@Test
	void theSloDashboardSelectsOnSlothServiceInstead() {
		List<Violation> violations = lint((d) -> {
			d.put("uid", "sightline-slo");
			ArrayNode variables = (ArrayNode) d.get("templating").get("list");
			variables.remove(2);
			variables.set(1, queryVariable("service", "label_values(sloth_slo_info, sloth_service)"));
			d.set("panels", JSON.createArrayNode()
				.add(panel(1, "stat", "Budget", "percentunit", 0, 0, 12, 4,
						"slo:period_error_budget_remaining:ratio{sloth_service=~\"$service\"}"))
				.add(panel(2, "stat", "Alerts", "none", 12, 0, 12, 4, "count(ALERTS{alertstate=\"firing\"})")));
		});
		List<Violation> byRule = violations.stream().filter((v) -> !v.rule().equals("dashboard-uid-rule")).toList();
		assertThat(byRule).as(report("SLO profile", violations)).hasSize(1);
		assertRule(byRule, "target-sloth_service-rule", "'ALERTS{alertstate=\"firing\"}' has no sloth_service matcher");
	}

	@Test
	void rejectsAPanelWithoutUnitOrWithAnUnknownOne() {
		assertRule(lint((d) -> ((ObjectNode) panel(d, 1).get("fieldConfig").get("defaults")).remove("unit")),
				"panel-units-rule", "no unit");
		assertRule(lint((d) -> ((ObjectNode) panel(d, 1).get("fieldConfig").get("defaults")).put("unit", "seconds")),
				"panel-units-rule", "unknown unit 'seconds'");
	}

	@Test
	void rejectsAPanelWithoutTitleOrDescription() {
		assertRule(lint((d) -> panel(d, 1).remove("description")), "panel-title-description-rule", "no description");
		assertRule(lint((d) -> panel(d, 2).put("title", " ")), "panel-title-description-rule", "no title");
	}

	@Test
	void rejectsAPanelWithoutTargets() {
		assertRule(lint((d) -> panel(d, 1).putArray("targets")), "panel-no-targets-rule", "no targets");
	}

	@Test
	void rejectsDuplicatePanelIds() {
		assertRule(lint((d) -> ((ObjectNode) panel(d, 3).get("panels").get(0)).put("id", 2)), "panel-id-rule",
				"id 2 is also the id of panel #2");
	}

	@Test
	void rejectsPanelsOutsideTheGridOrOverlapping() {
		assertRule(lint((d) -> ((ObjectNode) panel(d, 2).get("gridPos")).put("x", 16)), "panel-gridpos-rule",
				"outside the 24-column grid");
		assertRule(lint((d) -> ((ObjectNode) panel(d, 2).get("gridPos")).put("x", 6)), "panel-gridpos-rule",
				"overlaps panel #2");
		assertRule(lint((d) -> ((ObjectNode) ((ObjectNode) panel(d, 3).get("panels").get(1)).get("gridPos"))
			.put("x", 6)), "panel-gridpos-rule", "overlaps panel #5");
	}

	@Test
	void rejectsPromQlTheScannerCannotRead() {
		assertRule(lint((d) -> firstTarget(d, 1).put("expr",
				"sum(rate(http_server_requests_seconds_count{application=~\"$application\", instance=~\"$instance\"}[$__rate_interval])")),
				"target-promql-rule", "unbalanced '('");
	}

	@Test
	void promtoolRejectsInvalidPromQl(@TempDir Path temp) {
		assumeTrue(PrometheusTools.promtool() != null,
				"promtool is not on the PATH: PromQL not parsed (" + PrometheusTools.INSTALL_HINT + ")");
		ObjectNode dashboard = clean();
		firstTarget(dashboard, 1).put("expr",
				"sum(rate(x_total{application=~\"$application\"}[$__rate_interval])) by by (uri)");
		List<DashboardLinter.Expression> expressions = linter().expressions(dashboard);
		assertThat(expressions).extracting(DashboardLinter.Expression::where)
			.contains("panel #2 \"Request rate\" target A", "variable instance");
		List<Violation> violations = PromtoolRules.check("sightline-test.json", expressions, temp);
		assertThat(violations).as(report("promtool", violations)).singleElement().satisfies((violation) -> {
			assertThat(violation.rule()).isEqualTo("target-promql-rule");
			assertThat(violation.where()).isEqualTo("panel #2 \"Request rate\" target A");
			assertThat(violation.message()).contains("promtool", "parse error");
		});
		assertThat(PromtoolRules.check("sightline-test.json", linter().expressions(clean()), temp)).isEmpty();
	}

	@Test
	void variablesAreSubstitutedForPromtool() {
		assertThat(PromtoolRules.substitute(
				"rate(x{a=~\"$application\", i=~\"${instance:regex}\"}[$__rate_interval]) * $__range_s / [[k]]"
						+ " + increase(y[$__range]) + rate(z[${__interval}])"))
			.isEqualTo("rate(x{a=~\"x\", i=~\"x\"}[1m]) * 3600 / x + increase(y[1h]) + rate(z[1m])");
	}

	@Test
	void theScannerSeesSelectorsCallsAndGroupings() {
		PromqlScanner.Analysis analysis = PromqlScanner.analyze("histogram_quantile(0.99, sum by (le, uri) (rate("
				+ "http_server_requests_seconds_bucket{application=~\"$application\"}[$__rate_interval]))) "
				+ "/ on (uri) group_left max without (x) (up{job='a'} offset 5m) or vector(0)");
		assertThat(analysis.errors()).isEmpty();
		assertThat(analysis.selectors()).extracting(PromqlScanner.Selector::metric)
			.containsExactly("http_server_requests_seconds_bucket", "up");
		assertThat(analysis.selectors().get(0).enclosing()).containsExactly("rate", "sum", "histogram_quantile");
		assertThat(analysis.selectors().get(1).matcher("job")).hasValueSatisfying(
				(matcher) -> assertThat(matcher.value()).isEqualTo("a"));
		assertThat(analysis.calls()).containsExactly(new PromqlScanner.RangeCall("rate", "$__rate_interval"));
	}

}
