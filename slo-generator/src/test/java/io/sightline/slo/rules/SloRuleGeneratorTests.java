package io.sightline.slo.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.sightline.it.support.PrometheusTools;
import io.sightline.it.support.Regenerate;
import io.sightline.slo.spec.InvalidSpecException;
import io.sightline.slo.spec.SloSpec;
import io.sightline.slo.spec.SloSpecReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SloRuleGeneratorTests {

	static final Path SPECS = Path.of("src/test/resources/specs");

	static final Path GOLDEN = Path.of("src/test/resources/golden/prometheus");

	static final Duration THIRTY_DAYS = Duration.ofDays(30);

	@TempDir
	Path temp;

	/** The output for fixed specs, byte for byte; {@code -Dsightline.golden.write=true} rewrites it. */
	@Test
	void generatedFilesMatchTheGoldenFiles() throws IOException {
		SloArtifacts artifacts = SloArtifacts.generate(SPECS, GOLDEN, this.temp.resolve("dashboard.json"), THIRTY_DAYS);
		Map<Path, String> files = new java.util.TreeMap<>(artifacts.files());
		files.remove(this.temp.resolve("dashboard.json"));
		if (Boolean.getBoolean("sightline.golden.write")) {
			artifacts.write(GOLDEN);
			Files.delete(this.temp.resolve("dashboard.json"));
		}
		assertThat(files.keySet()).extracting((path) -> GOLDEN.relativize(path).toString().replace('\\', '/'))
			.containsExactly("rules/slo/gateway.yml", "rules/slo/myservice.yml", "rules/slo/shop.yml",
					"tests/slo/gateway.test.yml", "tests/slo/myservice.alerts.test.yml", "tests/slo/myservice.alerts.yml",
					"tests/slo/shop.test.yml");
		for (Map.Entry<Path, String> file : files.entrySet()) {
			assertThat(file.getKey()).as("golden file (write it with -Dsightline.golden.write=true)").isRegularFile();
			assertThat(file.getValue()).as("%s", file.getKey()).isEqualTo(Files.readString(file.getKey()));
		}
	}

	@Test
	void slothNamesLabelsAndDerivedFactors() throws IOException {
		SloSpec spec = read("myservice.yml");
		String rules = new SloRuleGenerator(THIRTY_DAYS).rules(spec, "specs/myservice.yml");
		for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
			assertThat(rules).contains("record: \"slo:sli_error:ratio_rate" + window + "\"")
				.contains("sloth_window: \"" + window + "\"");
		}
		assertThat(rules).contains("slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days",
				"slo:current_burn_rate:ratio", "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio",
				"sloth_slo_info", "sloth_id: \"myservice-requests-availability\"", "sloth_service: \"myservice\"",
				"sloth_slo: \"requests-availability\"", "owner: \"myteam\"", "category: \"availability\"",
				"code=~\"(5..|429)\"}[5m]", "vector(0.999)", "vector(0.001)", "vector(30)");
		// the workbook's factors, derived from the budget shares and the period
		assertThat(rules).contains("> (14.4 * 0.001)", "> (6 * 0.001)", "> (3 * 0.001)", "> (1 * 0.001)");
		// the spec's own severity labels win; ours only fill in
		assertThat(rules).contains("severity: \"pageteam\"", "severity: \"slack\"", "sloth_severity: \"page\"",
				"service: \"myservice\"", "runbook_url: \"" + SloRuleGenerator.RUNBOOK_URL + "\"");

		String twentyEightDays = new SloRuleGenerator(Duration.ofDays(28)).rules(spec, "specs/myservice.yml");
		assertThat(twentyEightDays).contains("> (13.44 * 0.001)", "> (5.6 * 0.001)", "> (2.8 * 0.001)",
				"> (0.9333333333 * 0.001)", "slo:sli_error:ratio_rate28d", "vector(28)")
			.doesNotContain("14.4");
	}

	@Test
	void shorthandsBecomeQueriesOnTheStartersMeters() throws IOException {
		String rules = new SloRuleGenerator(THIRTY_DAYS).rules(read("shop.yml"), "specs/shop.yml");
		assertThat(rules).contains(
				"sum(rate(http_server_requests_seconds_count{application=\"shop\",uri=~\"/api/checkout|/api/orders/\\\\{id\\\\}\",method=~\"POST|GET\",status=~\"5..|429\"}[5m])) or vector(0)",
				"sum(rate(orders_saga_completed_total{application=\"shop\",outcome=~\"timed_out|lost\"}[1h])) or vector(0)",
				"sum(rate(orders_saga_completed_total{application=\"shop\"}[1h]))");
		assertThat(rules).as("the disabled ticket alert").containsOnlyOnce("alert: \"ShopSagaFailing\"");
		String gateway = new SloRuleGenerator(THIRTY_DAYS).rules(read("gateway.yml"), "specs/gateway.yml");
		assertThat(gateway).contains("uri!~\"/actuator.*\"",
				"http_server_requests_seconds_bucket{application=\"gateway\",uri!~\"/actuator.*\",le=\"0.5\"}[6h]");
	}

	/** promtool parses every generated rule file and its tests pass: page at the predicted minute, not before. */
	@Test
	void promtoolChecksAndTestsTheGeneratedRules() throws IOException {
		assumePromtool();
		SloArtifacts artifacts = SloArtifacts.generate(SPECS, this.temp, this.temp.resolve("dashboard.json"), THIRTY_DAYS);
		artifacts.write(this.temp);
		assertPromtoolPasses(this.temp);
	}

	/** Rule files (generated, and the alert-only ones of PromQL SLIs) check; every test file passes. */
	private static void assertPromtoolPasses(Path prometheus) throws IOException {
		List<Path> rules = new ArrayList<>(files(prometheus.resolve(SloArtifacts.RULES_DIR)));
		List<Path> tests = new ArrayList<>();
		for (Path file : files(prometheus.resolve(SloArtifacts.TESTS_DIR))) {
			(file.toString().endsWith(".test.yml") ? tests : rules).add(file);
		}
		PrometheusTools.Result check = PrometheusTools.checkRules(rules);
		assertThat(check.ok()).as("%s", check).isTrue();
		PrometheusTools.Result test = PrometheusTools.testRules(tests);
		assertThat(test.ok()).as("%s", test).isTrue();
		assertThat(test.output()).contains("SUCCESS").doesNotContain("FAILED");
	}

	/** The generated tests can fail: rules for a 28-day period page earlier than a 30-day test expects. */
	@Test
	void promtoolTestsCatchRulesThatDisagreeWithTheMath() throws IOException {
		assumePromtool();
		SloSpec spec = read("gateway.yml");
		Path rules = this.temp.resolve("rules.yml");
		Files.writeString(rules, new SloRuleGenerator(Duration.ofDays(28)).rules(spec, "gateway.yml"));
		Path tests = this.temp.resolve("rules.test.yml");
		Files.writeString(tests,
				new PromtoolTestGenerator(new SloRuleGenerator(THIRTY_DAYS)).tests(spec, "gateway.yml", "rules.yml")
					.orElseThrow());
		PrometheusTools.Result test = PrometheusTools.testRules(List.of(tests));
		assertThat(test.ok()).as("%s", test).isFalse();
		assertThat(test.output()).contains("FAILED");
	}

	/** The alert-only tests of PromQL SLIs can fail too: 28-day alert rules fire 5 % under the 30-day factors. */
	@Test
	void alertOnlyTestsCatchRulesThatDisagreeWithTheMath() throws IOException {
		assumePromtool();
		SloSpec spec = read("myservice.yml");
		Path rules = this.temp.resolve("alerts.yml");
		Files.writeString(rules,
				new SloRuleGenerator(Duration.ofDays(28)).alertRules(spec, PromtoolTestGenerator.alertOnly(spec), "x"));
		Path tests = this.temp.resolve("alerts.test.yml");
		Files.writeString(tests, new PromtoolTestGenerator(new SloRuleGenerator(THIRTY_DAYS))
			.alertTests(spec, "x", "alerts.yml")
			.orElseThrow());
		PrometheusTools.Result test = PrometheusTools.testRules(List.of(tests));
		assertThat(test.ok()).as("%s", test).isFalse();
		assertThat(test.output()).contains("5% under the page factor", "FAILED");
	}

	/** What the repo ships under prometheus/ and grafana/ is exactly what slo/ generates. */
	@Test
	void committedRulesTestsAndDashboardMatchTheSpecs() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path prometheus = root.resolve("prometheus");
		SloArtifacts artifacts = SloArtifacts.generate(root.resolve("slo"), prometheus,
				root.resolve("grafana/dashboards/sightline-slo.json"), THIRTY_DAYS);
		if (Regenerate.requested()) {
			artifacts.write(prometheus);
		}
		List<Path> drift = new ArrayList<>(artifacts.drift());
		drift.addAll(artifacts.stale(prometheus));
		assertThat(drift).as("generated files out of date: regenerate with " + Regenerate.COMMAND + " (or the CLI)")
			.isEmpty();
	}

	@Test
	void theRepositorysRulesPassPromtool() throws IOException {
		assumePromtool();
		assertPromtoolPasses(Path.of("..").toAbsolutePath().normalize().resolve("prometheus"));
	}

	@Test
	void invalidSpecsWriteNothingAndExitNonZero() throws IOException {
		Path specs = Files.createDirectories(this.temp.resolve("specs"));
		Files.copy(SPECS.resolve("gateway.yml"), specs.resolve("gateway.yml"));
		Files.writeString(specs.resolve("bad.yml"), """
				version: sightline/v1
				service: bad
				slos:
				  - name: slow
				    objective: 100
				    sli:
				      http_latency:
				        threshold: 300ms
				        colour: red
				""");
		Path out = this.temp.resolve("out");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = SloGeneratorCliAccess.run(new String[] { "--specs", specs.toString(), "--prometheus", out.toString(),
				"--dashboard", out.resolve("d.json").toString() }, err);
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yml", "slos[0].objective",
				"slos[0].sli.http_latency.threshold: 300ms is not a latency bucket",
				"slos[0].sli.http_latency.colour: unknown field", "nothing was written");
		assertThat(out).doesNotExist();
	}

	@Test
	void theCliWritesThenReportsNoDriftThenDrift() throws IOException {
		Path out = this.temp.resolve("out");
		String[] write = { "--specs", SPECS.toString(), "--prometheus", out.toString(), "--dashboard",
				out.resolve("d.json").toString() };
		assertThat(SloGeneratorCliAccess.run(write, new ByteArrayOutputStream())).isZero();
		assertThat(out.resolve("rules/slo/gateway.yml")).isRegularFile();
		String[] check = Stream.concat(Stream.of(write), Stream.of("--check")).toArray(String[]::new);
		assertThat(SloGeneratorCliAccess.run(check, new ByteArrayOutputStream())).isZero();
		Files.writeString(out.resolve("rules/slo/gateway.yml"), "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
		Files.writeString(out.resolve("rules/slo/gone.yml"), "groups: []\n");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(SloGeneratorCliAccess.run(check, err)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("gateway.yml", "gone.yml");
		assertThat(SloGeneratorCliAccess.run(new String[] { "--period", "4w" }, new ByteArrayOutputStream())).isEqualTo(2);
	}

	@Test
	void eachFilesProblemsAreNestedUnderIt() throws IOException {
		Path specs = Files.createDirectories(this.temp.resolve("nested"));
		Files.writeString(specs.resolve("bad.yml"), """
				version: sightline/v1
				service: bad
				slos:
				  - name: a
				    objective: 100
				    sli:
				      http_availability: {}
				""");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = SloGeneratorCliAccess.run(new String[] { "--specs", specs.toString(), "--prometheus",
				this.temp.resolve("out").toString(), "--check" }, err);
		assertThat(exit).isEqualTo(2);
		List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
		int file = lines.indexOf("  - Invalid SLO spec nested/bad.yml:");
		assertThat(file).as("%s", lines).isPositive();
		List<String> nested = lines.subList(file + 1, lines.size())
			.stream()
			.takeWhile((line) -> line.startsWith("      - "))
			.toList();
		assertThat(nested).anyMatch((line) -> line.startsWith("      - slos[0].objective") && line.endsWith("(line 5)"));
	}

	@Test
	void theDashboardMayBeABareFileNameInTheWorkingDirectory() throws IOException {
		Path dashboard = Path.of("sightline-slo-test-" + System.nanoTime() + ".json");
		try {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = SloGeneratorCliAccess.run(new String[] { "--specs", SPECS.toString(), "--prometheus",
					this.temp.resolve("out").toString(), "--dashboard", dashboard.toString() }, err);
			assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
			assertThat(dashboard).isRegularFile();
		}
		finally {
			Files.deleteIfExists(dashboard);
		}
	}

	@Test
	void anOutputThatCannotBeWrittenExitsWithItsOwnCodeAndOneLine() throws IOException {
		// a regular file where the rules folder should be: creating rules/slo below it fails
		Path notAFolder = Files.writeString(this.temp.resolve("not-a-folder"), "x");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = SloGeneratorCliAccess.run(new String[] { "--specs", SPECS.toString(), "--prometheus",
				notAFolder.toString(), "--dashboard", this.temp.resolve("d.json").toString() }, err);
		String message = err.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(message).isEqualTo(3);
		assertThat(message.lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("sightline-slo-generator: cannot read or write ")
				.contains("not-a-folder"));
	}

	@Test
	void anSloWithBothAlertsDisabledNeedsNoAlertNameAndGetsNoAlertRules() {
		SloSpec spec = SloSpecReader.read("quiet.yml", eventsSloSpec("quiet", """
				page_alert:
				  disable: true
				ticket_alert:
				  disable: true
				"""));
		String rules = new SloRuleGenerator(THIRTY_DAYS).rules(spec, "quiet.yml");
		assertThat(rules).contains("slo:sli_error:ratio_rate5m").doesNotContain("alert:");
		// one alert still on: its name is required, as in Sloth
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("loud.yml", """
				version: prometheus/v1
				service: loud
				slos:
				  - name: requests-availability
				    objective: 99.9
				    sli:
				      raw:
				        error_ratio_query: sum(rate(x[{{.window}}]))
				    alerting:
				      ticket_alert:
				        disable: true
				""")).withMessageContaining("slos[0].alerting.name: required");
	}

	@Test
	void aFileWithSeveralSpecsGeneratesEachService() throws IOException {
		Path specs = Files.createDirectories(this.temp.resolve("multi"));
		String gateway = Files.readString(SPECS.resolve("gateway.yml"));
		Files.writeString(specs.resolve("all.yml"), gateway + "\n---\n" + gateway.replace("service: gateway", "service: edge"));
		SloArtifacts artifacts = SloArtifacts.generate(specs, this.temp, this.temp.resolve("d.json"), THIRTY_DAYS);
		assertThat(artifacts.files()).containsKeys(this.temp.resolve("rules/slo/gateway.yml"),
				this.temp.resolve("rules/slo/edge.yml"));
		// the same service twice is still refused, naming both documents
		Files.writeString(specs.resolve("all.yml"), gateway + "\n---\n" + gateway);
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloArtifacts.generate(specs, this.temp, this.temp.resolve("d.json"), THIRTY_DAYS))
			.withMessageContaining("multi/all.yml (document 2): service \"gateway\" is already specified in multi/all.yml (document 1)");
	}

	/**
	 * Specs in the shapes of all Sloth's published prometheus/v1 examples (written here, see each
	 * file's header): events and raw SLIs, subqueries, spec and SLO labels, custom alert labels and
	 * annotations, several services per file, alerts disabled, rule group intervals.
	 */
	@Test
	void slothStyleSpecsGenerateRulesThatPromtoolAccepts() throws IOException {
		Path specs = Path.of("src/test/resources/sloth-style");
		SloArtifacts artifacts = SloArtifacts.generate(specs, this.temp, this.temp.resolve("dashboard.json"), THIRTY_DAYS);
		Map<Path, String> files = artifacts.files();
		String checkout = files.get(this.temp.resolve("rules/slo/checkout.yml"));
		assertThat(checkout).contains("CheckoutHighErrorRate", "\"pager\"", "\"slack\"", "payments-team",
				"slo:sli_error:ratio_rate5m");
		assertThat(files.get(this.temp.resolve("rules/slo/search.yml"))).contains("SearchSlowQueries");
		// page alert disabled: the ticket rule only
		String catalog = files.get(this.temp.resolve("rules/slo/catalog.yml"));
		assertThat(catalog).contains("CatalogReadErrors", "sloth_severity: \"ticket\"")
			.doesNotContain("sloth_severity: \"page\"");
		// both disabled: recording rules, no alert
		assertThat(files.get(this.temp.resolve("rules/slo/reports.yml"))).contains("slo:sli_error:ratio_rate5m")
			.doesNotContain("alert:");
		// Sloth's per-SLO rule group intervals
		String batch = files.get(this.temp.resolve("rules/slo/batch.yml"));
		assertThat(batch).contains("""
				  - name: "sloth-slo-sli-recordings-batch-jobs-success"
				    interval: "4m"
				""", """
				  - name: "sloth-slo-meta-recordings-batch-jobs-success"
				    interval: "2m"
				""", """
				  - name: "sloth-slo-alerts-batch-jobs-success"
				    interval: "2m"
				""", """
				  - name: "sloth-slo-alerts-batch-jobs-latency"
				    interval: "5m"
				""");
		assertThat(files.get(this.temp.resolve("rules/slo/checkout.yml"))).doesNotContain("interval:");
		// getting-started: spec labels on every rule, each alert's own labels on its rule only
		assertThat(checkout).contains("repo: \"sightline/checkout\"", "route: \"payments-oncall\"",
				"chat_channel: \"#payments-alerts\"");
		assertThat(checkout.indexOf("route: \"payments-oncall\"")).isLessThan(checkout.indexOf("sloth_severity: \"ticket\""));
		assertThat(checkout.substring(checkout.indexOf("sloth_severity: \"ticket\""))).doesNotContain("payments-oncall");
		// home-wifi: subqueries get the window before the colon, two SLOs on one gauge, custom severities
		String edgeNodes = files.get(this.temp.resolve("rules/slo/edge-nodes.yml"));
		assertThat(edgeNodes).contains("sum_over_time((count(edge_node_health_score < 0.8))[5m:]) OR on() vector(0)",
				"sum_over_time((count(edge_node_health_score < 0.4))[3d:]) OR on() vector(0)",
				"alert: \"EdgeNodesUnhealthy\"", "alert: \"EdgeNodesFailing\"", "severity: \"urgent\"",
				"severity: \"notice\"", "site: \"lab-north\"", "(14.4 * 0.05)", "(14.4 * 0.001)")
			.doesNotContain("{{.window}}");
		// raw-home-wifi: a multi-line raw error ratio, the window substituted in every line
		assertThat(files.get(this.temp.resolve("rules/slo/edge-score.yml"))).contains(String.join("\n",
				"          1 - (", "            sum(sum_over_time(edge_node_health_score[1h]))", "            /",
				"            sum(count_over_time(edge_node_health_score[1h]))", "          )")).contains("alert: \"EdgeScoreLow\"");
		// kubernetes-apiserver: SLO labels, a negative matcher, an annotation of the spec beside ours
		String objectStore = files.get(this.temp.resolve("rules/slo/object-store.yml"));
		assertThat(objectStore).contains("category: \"latency\"", "category: \"availability\"",
				"sum(rate(objectstore_request_duration_seconds_bucket{le=\"0.25\",op!=\"LIST\"}[6h]))",
				"runbook: \"https://runbooks.example.org/object-store/latency\"", "severity: \"critical\"",
				"severity: \"warning\"", "alert: \"ObjectStoreLatencyAlert\"");
		// multifile: a file opening with ---, two services with the same SLO and alert names
		assertThat(files.get(this.temp.resolve("rules/slo/invoices.yml"))).contains("sloth_objective: \"99.9\"",
				"owner: \"billing-team\"", "alert: \"InvoicesHighErrorRate\"");
		assertThat(files.get(this.temp.resolve("rules/slo/invoices-archive.yml")))
			.contains("sloth_objective: \"99.99\"", "owner: \"billing-archive-team\"", "(14.4 * 0.0001)");
		// victoria-metrics: YAML booleans and numbers as label values, quotes in a description, both
		// alerts on without page_alert/ticket_alert, `by` and `without` aggregations
		String quotes = files.get(this.temp.resolve("rules/slo/quotes-grpc.yml"));
		assertThat(quotes).contains("generated: \"true\"", "actual_le: \"0.25\"", "objective_reversed: \"10\"",
				"alert: \"slo_quotes-grpc_rpc-latency-p90_fail\"", "sloth_severity: \"page\"",
				"sloth_severity: \"ticket\"", "within 250 ms, grade \\\"B\\\"",
				"sum without (instance, pod, le) (rate(grpc_server_handling_seconds_bucket{job=\"quotes-grpc\",le=\"0.5\"}[30m]))");
		// no-alerts: the multi-line queries survive as one expression
		assertThat(files.get(this.temp.resolve("rules/slo/reports.yml")))
			.contains("rate(report_exports_total{outcome=\"failed\"}[5m])");
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("bad.yml",
				Files.readString(specs.resolve("rule-group-intervals.yml")).replace("\"4m\"", "\"four minutes\"")))
			.withMessageContaining("slos[0].interval.slierror: a Prometheus duration");
		if (PrometheusTools.promtool() != null) {
			artifacts.write(this.temp);
			assertPromtoolPasses(this.temp);
		}
	}

	/**
	 * Sloth's plugin chains and its Kubernetes resource are outside what Sightline generates: each is
	 * refused with its own reason and the field's path, rather than as an unknown field.
	 */
	@Test
	void pluginShapedSpecsAreRefused() {
		String spec = eventsSloSpec("checkout", "name: CheckoutErrors");
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("top.yml", spec.replace("slos:\n", """
					slo_plugins:
					  chain:
					    - id: "sloth.dev/core/alert_for/v1"
					slos:
					""")))
			.withMessageContaining("top.yml")
			.withMessageContaining("slo_plugins: Sloth's SLO plugins are not supported by Sightline")
			.withMessageNotContaining("unknown field");
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("slo.yml", spec.replace("    alerting:\n", """
					    plugins:
					      chain:
					        - id: "sloth.dev/core/alert_for/v1"
					    alerting:
					""")))
			.withMessageContaining("slos[0].plugins: Sloth's SLO plugins are not supported by Sightline");
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("sli.yml", """
					version: prometheus/v1
					service: checkout
					slos:
					  - name: requests-availability
					    objective: 99.9
					    sli:
					      plugin:
					        id: "sloth-common/kubernetes/apiserver/availability"
					    alerting:
					      name: CheckoutErrors
					"""))
			.withMessageContaining("slos[0].sli.plugin: Sloth's SLI plugins are not supported by Sightline")
			.withMessageNotContaining("exactly one of");
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("k8s.yml", """
					apiVersion: sloth.slok.dev/v1
					kind: PrometheusServiceLevel
					metadata:
					  name: checkout
					spec:
					  service: checkout
					  slos: []
					"""))
			.withMessageContaining("apiVersion: Kubernetes-style resources")
			.withMessageContaining("version: \"prometheus/v1\"");
	}

	@Test
	void duplicateServicesAcrossFilesAreRefused() throws IOException {
		Path specs = Files.createDirectories(this.temp.resolve("dup"));
		Files.copy(SPECS.resolve("gateway.yml"), specs.resolve("a.yml"));
		Files.copy(SPECS.resolve("gateway.yml"), specs.resolve("b.yml"));
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloArtifacts.generate(specs, this.temp, this.temp.resolve("d.json"), THIRTY_DAYS))
			.withMessageContaining("service \"gateway\" is already specified");
	}

	private static SloSpec read(String file) throws IOException {
		return SloSpecReader.read(file, Files.readString(SPECS.resolve(file)));
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> listing = Files.list(dir)) {
			return listing.sorted().toList();
		}
	}

	private static void assumePromtool() {
		Assumptions.assumeTrue(PrometheusTools.promtool() != null,
				"promtool not installed (" + PrometheusTools.INSTALL_HINT + ")");
	}

	/**
	 * A prometheus/v1 spec of one service with one events SLO, requests-availability at 99.9 over the
	 * HTTP error and request counters, with the given lines under its {@code alerting}.
	 */
	private static String eventsSloSpec(String service, String alerting) {
		return """
				version: prometheus/v1
				service: %s
				slos:
				  - name: requests-availability
				    objective: 99.9
				    sli:
				      events:
				        error_query: sum(rate(http_errors_total[{{.window}}]))
				        total_query: sum(rate(http_requests_total[{{.window}}]))
				    alerting:
				""".formatted(service) + alerting.indent(6);
	}

	/** The CLI's package-private entry, with stdout discarded. */
	static final class SloGeneratorCliAccess {

		static int run(String[] args, ByteArrayOutputStream err) {
			return io.sightline.slo.cli.SloGeneratorCliTestAccess.run(args, new PrintStream(new ByteArrayOutputStream()),
					new PrintStream(err, true));
		}

	}

}
