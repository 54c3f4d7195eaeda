package io.sightline.prometheus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.sightline.it.support.PrometheusTools;
import io.sightline.it.support.PrometheusTools.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves the hand-written Prometheus artifacts of the repository: the alert rules of
 * {@code prometheus/rules/*.yml} (not the generated {@code rules/slo/}), their promtool unit tests in
 * {@code prometheus/tests/*.yml}, {@code prometheus/prometheus.yml}, {@code prometheus/alertmanager.yml},
 * and one runbook per alert in {@code docs/runbooks/}.
 *
 * <p>The promtool / amtool tests run Debian's real binaries and skip, visibly, when they are absent;
 * the structural tests need no binary.
 */
class PrometheusArtifactsTests {

	/** The hand-written alerts that must exist. */
	static final Set<String> EXPECTED_ALERTS = Set.of("ServiceDown", "CircuitBreakerOpen", "HighRetryRate",
			"JvmHeapPressure", "JvmGcOverhead", "DeadlockedThreads", "ConnectionPoolSaturated",
			"KafkaConsumerLagGrowing", "ErrorLogSpike", "TelemetryDropping", "SagaTimeouts");

	static final String RUNBOOK_URL_PREFIX = "https://github.com/sightline-dev/sightline/blob/main/";

	static final Set<String> DASHBOARD_UIDS = Set.of("sightline-service", "sightline-jvm", "sightline-slo");

	static final String WEBHOOK_URL = "http://127.0.0.1:9095/alerts";

	private static Path root;

	private static Path prometheus;

	@BeforeAll
	static void locateRepository() {
		// Maven runs the tests in the module folder (prometheus-tests/); an IDE may use the repository root.
		for (Path candidate : List.of(Path.of(".."), Path.of("."))) {
			Path dir = candidate.toAbsolutePath().normalize();
			if (Files.isDirectory(dir.resolve("prometheus")) && Files.isDirectory(dir.resolve("docs"))) {
				root = dir;
				prometheus = dir.resolve("prometheus");
				return;
			}
		}
		fail("No prometheus/ folder in " + Path.of("..").toAbsolutePath().normalize() + " (the repository root "
				+ "as seen from the module folder); tests run with working directory "
				+ Path.of("").toAbsolutePath());
	}

	// ------------------------------------------------------------------ the real binaries

	@Test
	void ruleFilesPassPromtoolCheckRules() {
		assumePromtool();
		Result result = PrometheusTools.checkRules(ruleFiles());
		assertThat(result.ok()).as(result.toString()).isTrue();
	}

	@Test
	void promtoolUnitTestsPass() {
		assumePromtool();
		Result result = PrometheusTools.testRules(ruleTestFiles());
		assertThat(result.ok()).as(result.toString()).isTrue();
		assertThat(result.output()).as(result.toString()).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void prometheusConfigPassesPromtoolCheckConfig() {
		assumePromtool();
		Result result = PrometheusTools.checkConfig(prometheus.resolve("prometheus.yml"));
		assertThat(result.ok()).as(result.toString()).isTrue();
	}

	@Test
	void alertmanagerConfigPassesAmtoolCheckConfig() {
		assumeAmtool();
		Result result = PrometheusTools.checkAlertmanagerConfig(prometheus.resolve("alertmanager.yml"));
		assertThat(result.ok()).as(result.toString()).isTrue();
	}

	@Test
	void alertmanagerRoutesEachSeverityToItsReceiver() {
		assumeAmtool();
		Path config = prometheus.resolve("alertmanager.yml");
		assertThat(AmtoolRoutes.receivers(config, "alertname=ServiceDown", "service=order-service", "severity=page"))
			.isEqualTo("page");
		assertThat(AmtoolRoutes.receivers(config, "alertname=OrderAvailability", "service=order-service",
				"sloth_slo=requests-availability", "severity=page"))
			.isEqualTo("page");
		assertThat(AmtoolRoutes.receivers(config, "alertname=HighRetryRate", "service=gateway", "severity=ticket"))
			.isEqualTo("ticket");
		assertThat(AmtoolRoutes.receivers(config, "alertname=Unlabelled", "service=gateway"))
			.as("an alert without severity must not be lost").isEqualTo("ticket");
	}

	// ------------------------------------------------------------------ rules: structure

	@Test
	void everyAlertRuleFollowsTheLabelAndAnnotationConventions() {
		Map<String, Map<String, Object>> alerts = alertRules();
		assertThat(alerts.keySet()).containsAll(EXPECTED_ALERTS);
		alerts.forEach((name, rule) -> {
			Map<String, Object> labels = map(rule.get("labels"));
			Map<String, Object> annotations = map(rule.get("annotations"));
			assertThat(labels.get("severity")).as(name + ": labels.severity").isIn("page", "ticket");
			assertThat(labels.get("service")).as(name + ": labels.service (group and inhibit by service)")
				.isEqualTo("{{ $labels.application }}");
			assertThat(string(annotations.get("summary"))).as(name + ": annotations.summary").isNotBlank();
			assertThat(string(annotations.get("description"))).as(name + ": annotations.description")
				.isNotBlank();
			String dashboard = string(annotations.get("dashboard"));
			assertThat(dashboard).as(name + ": annotations.dashboard").matches("/d/[a-z-]+/.*");
			assertThat(dashboard.split("/")[2]).as(name + ": dashboard uid").isIn(DASHBOARD_UIDS);
			String runbookUrl = string(annotations.get("runbook_url"));
			assertThat(runbookUrl).as(name + ": annotations.runbook_url")
				.isEqualTo(RUNBOOK_URL_PREFIX + "docs/runbooks/" + name + ".md");
			assertThat(root.resolve(runbookUrl.substring(RUNBOOK_URL_PREFIX.length())))
				.as(name + ": the runbook of runbook_url").isRegularFile();
		});
	}

	@Test
	void runbookIndexListsEveryRunbook() throws IOException {
		Path runbooks = root.resolve("docs/runbooks");
		assertThat(runbooks.resolve("SloErrorBudgetBurn.md")).isRegularFile();
		String index = Files.readString(runbooks.resolve("README.md"));
		for (String alert : alertRules().keySet()) {
			assertThat(index).as("docs/runbooks/README.md links " + alert).contains("(" + alert + ".md)");
		}
		assertThat(index).contains("(SloErrorBudgetBurn.md)");
	}

	@Test
	void everyAlertHasAFiringAndASilentPromtoolTestCase() {
		Set<String> firing = new LinkedHashSet<>();
		Set<String> silent = new LinkedHashSet<>();
		for (Path file : ruleTestFiles()) {
			for (Object test : list(load(file).get("tests"))) {
				for (Object caseObject : list(map(test).get("alert_rule_test"))) {
					Map<String, Object> alertTest = map(caseObject);
					String alertname = string(alertTest.get("alertname"));
					List<Object> expected = list(alertTest.get("exp_alerts"));
					if (expected.isEmpty()) {
						silent.add(alertname);
						continue;
					}
					firing.add(alertname);
					for (Object alert : expected) {
						Map<String, Object> labels = map(map(alert).get("exp_labels"));
						assertThat(labels.get("service")).as(file + ": " + alertname + " fires with a service label")
							.isNotNull()
							.isEqualTo(labels.get("application"));
						assertThat(labels.get("severity")).as(file + ": " + alertname + " severity").isNotNull();
					}
				}
			}
		}
		Set<String> alerts = alertRules().keySet();
		assertThat(firing).as("alerts with a promtool case where they fire").containsAll(alerts);
		assertThat(silent).as("alerts with a promtool case where they must not fire (exp_alerts: [])")
			.containsAll(alerts);
	}

	// ------------------------------------------------------------------ prometheus.yml: structure

	@Test
	void prometheusConfigScrapesEveryTargetWithAnApplicationLabel() {
		Map<String, Object> config = load(prometheus.resolve("prometheus.yml"));
		assertThat(list(config.get("rule_files"))).contains("rules/*.yml", "rules/slo/*.yml");
		Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
		list(config.get("scrape_configs")).forEach((job) -> jobs.put(string(map(job).get("job_name")), map(job)));
		Map<String, Object> demo = jobs.get("sightline-demo");
		assertThat(demo).as("scrape job sightline-demo").isNotNull();
		assertThat(demo.get("metrics_path")).isEqualTo("/actuator/prometheus");
		assertThat(demo.get("honor_labels")).as("the services' own application tag wins").isEqualTo(true);
		Set<String> applications = new LinkedHashSet<>();
		jobs.forEach((name, job) -> list(job.get("static_configs")).forEach((staticConfig) -> {
			Object application = map(map(staticConfig).get("labels")).get("application");
			assertThat(application).as(name + ": every target carries an application label, so `up` "
					+ "and ServiceDown name the service").isNotNull();
			applications.add(string(application));
		}));
		assertThat(applications).contains("gateway", "order-service", "payment-service", "inventory-service");
	}

	// ------------------------------------------------------------------ alertmanager.yml: structure

	@Test
	void alertmanagerRoutesInhibitsAndReceiversFollowTheConventions() throws IOException {
		Path file = prometheus.resolve("alertmanager.yml");
		Map<String, Object> config = load(file);
		Map<String, Object> route = map(config.get("route"));
		assertThat(list(route.get("group_by"))).contains("alertname", "service", "sloth_slo");
		Map<String, String> receiverBySeverity = new LinkedHashMap<>();
		for (Object child : list(route.get("routes"))) {
			for (Object matcher : list(map(child).get("matchers"))) {
				String normalized = normalize(string(matcher));
				if (normalized.startsWith("severity=")) {
					receiverBySeverity.put(normalized.substring("severity=".length()),
							string(map(child).get("receiver")));
				}
			}
		}
		assertThat(receiverBySeverity).containsEntry("page", "page").containsEntry("ticket", "ticket");

		List<Map<String, Object>> inhibits = list(config.get("inhibit_rules")).stream()
			.map(PrometheusArtifactsTests::map)
			.toList();
		assertThat(inhibits).as("ServiceDown inhibits the SLO alerts of its service").anySatisfy((rule) -> {
			assertThat(normalized(rule.get("source_matchers"))).contains("alertname=ServiceDown");
			assertThat(normalized(rule.get("target_matchers"))).contains("sloth_slo=~.+");
			assertThat(list(rule.get("equal"))).containsExactly("service");
		});
		assertThat(inhibits).as("a page inhibits the ticket of the same alert").anySatisfy((rule) -> {
			assertThat(normalized(rule.get("source_matchers"))).contains("severity=page");
			assertThat(normalized(rule.get("target_matchers"))).contains("severity=ticket");
			assertThat(list(rule.get("equal"))).contains("alertname", "service", "sloth_slo");
		});

		Map<String, Map<String, Object>> receivers = new LinkedHashMap<>();
		list(config.get("receivers")).forEach((r) -> receivers.put(string(map(r).get("name")), map(r)));
		for (String name : List.of("page", "ticket")) {
			assertThat(receivers).as("receiver " + name).containsKey(name);
			List<Object> webhooks = list(receivers.get(name).get("webhook_configs"));
			assertThat(webhooks).as(name + ": one webhook").hasSize(1);
			assertThat(map(webhooks.get(0)).get("url")).as(name + ": webhook url").isEqualTo(WEBHOOK_URL);
			assertThat(map(webhooks.get(0)).get("send_resolved")).as(name + ": send_resolved").isEqualTo(true);
		}
		assertThat(Files.readString(file).split(java.util.regex.Pattern.quote(WEBHOOK_URL), -1))
			.as("the launcher replaces " + WEBHOOK_URL + ": exactly once per receiver")
			.hasSize(3);
	}

	// ------------------------------------------------------------------ helpers

	private static void assumePromtool() {
		Assumptions.assumeTrue(PrometheusTools.promtool() != null,
				"promtool not installed (" + PrometheusTools.INSTALL_HINT + ")");
	}

	private static void assumeAmtool() {
		Assumptions.assumeTrue(PrometheusTools.amtool() != null,
				"amtool not installed (" + PrometheusTools.INSTALL_HINT + ")");
	}

	/** {@code prometheus/rules/*.yml}: the generated rules/slo/ are someone else's. */
	static List<Path> ruleFiles() {
		List<Path> files = yamlFiles(prometheus.resolve("rules"));
		assertThat(files).as("prometheus/rules/*.yml").isNotEmpty();
		return files;
	}

	/** {@code prometheus/tests/*.yml}: tests/slo/ (generated) is someone else's. */
	static List<Path> ruleTestFiles() {
		List<Path> files = yamlFiles(prometheus.resolve("tests"));
		assertThat(files).as("prometheus/tests/*.yml").isNotEmpty();
		return files;
	}

	private static List<Path> yamlFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile)
				.filter((f) -> f.getFileName().toString().matches(".*\\.ya?ml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Alert rules of prometheus/rules/*.yml by name; fails on a duplicate name. */
	static Map<String, Map<String, Object>> alertRules() {
		Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
		for (Path file : ruleFiles()) {
			for (Object group : list(load(file).get("groups"))) {
				for (Object ruleObject : list(map(group).get("rules"))) {
					Map<String, Object> rule = map(ruleObject);
					if (rule.containsKey("alert")) {
						String name = string(rule.get("alert"));
						assertThat(alerts).as("alert " + name + " is defined once").doesNotContainKey(name);
						alerts.put(name, rule);
					}
				}
			}
		}
		return alerts;
	}

	static Map<String, Object> load(Path file) {
		try {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
			assertThat(document).as(file + " is a YAML mapping").isInstanceOf(Map.class);
			return map(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read " + file, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (value instanceof List<?> list) ? (List<Object>) list : List.of();
	}

	static String string(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/** {@code severity = "page"} → {@code severity=page}. */
	private static String normalize(String matcher) {
		return matcher.replace("\"", "").replace("'", "").replaceAll("\\s+", "");
	}

	private static List<String> normalized(Object matchers) {
		List<String> result = new ArrayList<>();
		list(matchers).forEach((m) -> result.add(normalize(string(m))));
		return result;
	}

}
