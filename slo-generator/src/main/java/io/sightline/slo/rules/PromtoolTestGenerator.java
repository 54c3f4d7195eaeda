package io.sightline.slo.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.slo.AlertWindow;
import io.sightline.slo.HttpRequests;
import io.sightline.slo.HttpServerMetrics;
import io.sightline.slo.MultiWindowAlerts;
import io.sightline.slo.Sli;
import io.sightline.slo.spec.SloSpec;

/**
 * promtool unit tests for the generated rules, per SLO: a fault that must make the page alert fire at
 * the minute the burn-rate math predicts and not one evaluation before, and a healthy series (burning
 * half the budget) that must never fire. The inputs are the raw Micrometer series of the shorthand
 * SLIs, so a test covers the whole chain: counters, ratio recordings, alert. Sloth's PromQL SLIs name
 * series this generator cannot know: their tests ({@link #alertTests}) feed the ratio recordings to
 * the alert rules alone, one window pair at a time, just above and just below its factor.
 */
public final class PromtoolTestGenerator {

	/** Requests (or events) per minute in the synthetic series. */
	static final double PER_MINUTE = 6000;

	/** Minutes of healthy traffic before the fault. */
	static final int HEALTHY_MINUTES = 60;

	/** Minutes the tests evaluate. */
	static final int MINUTES = 360;

	private static final Pattern LABEL_TEMPLATE = Pattern.compile("\\{\\{\\s*\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

	private final SloRuleGenerator rules;

	public PromtoolTestGenerator(SloRuleGenerator rules) {
		this.rules = rules;
	}

	/** Minute the ratios jump in the alert-only tests. */
	static final int JUMP_MINUTE = 10;

	/** Whether the SLI's input series are known, so its tests can start from the raw series. */
	public static boolean testable(Sli sli) {
		return !(sli instanceof Sli.Events) && !(sli instanceof Sli.Raw);
	}

	/**
	 * The test file, or empty when no SLO of the spec is testable.
	 * @param rulesFile the rule file, relative to the test file
	 */
	public Optional<String> tests(SloSpec spec, String source, String rulesFile) {
		List<SloSpec.Slo> testable = spec.slos()
			.stream()
			.filter((slo) -> testable(slo.sli()) && slo.alerting() != null && slo.alerting().pageLabels() != null)
			.toList();
		if (testable.isEmpty()) {
			return Optional.empty();
		}
		YamlText yaml = new YamlText().comment(SloRuleGenerator.GENERATED.formatted(source));
		yaml.open(0, "rule_files").line(2, "- " + YamlText.scalar(rulesFile));
		yaml.plain(0, "evaluation_interval", "1m");
		// promtool evaluates unlisted groups in random order; alerts must see this minute's recordings
		yaml.open(0, "group_eval_order");
		for (SloSpec.Slo slo : spec.slos()) {
			for (String group : SloRuleGenerator.groupNames(spec, slo)) {
				yaml.line(2, "- " + YamlText.scalar(group));
			}
		}
		yaml.open(0, "tests");
		for (SloSpec.Slo slo : testable) {
			faultTest(yaml, spec, slo);
			healthyTest(yaml, spec, slo);
		}
		return Optional.of(yaml.toString());
	}

	/** The SLOs whose alerts are tested on their ratio recordings: PromQL SLIs with a page alert. */
	public static List<SloSpec.Slo> alertOnly(SloSpec spec) {
		return spec.slos()
			.stream()
			.filter((slo) -> !testable(slo.sli()) && slo.alerting() != null && slo.alerting().pageLabels() != null)
			.toList();
	}

	/**
	 * Tests of the alert rules alone, on ratio series: each page window pair 5 % above its factor pages
	 * at the minute the ratios jump and not before, 5 % below it does not, and a ratio of 0.9 × the
	 * budget on every window never alerts.
	 * @param alertRulesFile the file {@link SloRuleGenerator#alertRules} wrote, relative to the test file
	 */
	public Optional<String> alertTests(SloSpec spec, String source, String alertRulesFile) {
		List<SloSpec.Slo> slos = alertOnly(spec);
		if (slos.isEmpty()) {
			return Optional.empty();
		}
		YamlText yaml = new YamlText().comment(SloRuleGenerator.GENERATED.formatted(source));
		yaml.open(0, "rule_files").line(2, "- " + YamlText.scalar(alertRulesFile));
		yaml.plain(0, "evaluation_interval", "1m");
		yaml.open(0, "tests");
		for (SloSpec.Slo slo : slos) {
			double budget = slo.objective().errorBudget();
			for (AlertWindow pair : MultiWindowAlerts.of(AlertWindow.Severity.PAGE)) {
				double factor = pair.factor(this.rules.period());
				String windows = ErrorRatioQueries.window(pair.longWindow()) + " and " + ErrorRatioQueries.window(pair.shortWindow());
				yaml.item(2, "name", spec.id(slo) + ": " + windows + " 5% over the page factor " + number(factor)
						+ " page at minute " + JUMP_MINUTE + ", not before");
				yaml.plain(4, "interval", "1m");
				ratioSeries(yaml, spec, slo, Map.of(pair.longWindow(), 1.05 * factor * budget, pair.shortWindow(),
						1.05 * factor * budget));
				yaml.open(4, "alert_rule_test");
				yaml.line(6, "- eval_time: " + (JUMP_MINUTE - 1) + "m").value(8, "alertname", slo.alerting().name())
					.plain(8, "exp_alerts", "[]");
				yaml.line(6, "- eval_time: " + JUMP_MINUTE + "m").value(8, "alertname", slo.alerting().name());
				yaml.open(8, "exp_alerts");
				expectedAlert(yaml, spec, slo, AlertWindow.Severity.PAGE);

				yaml.item(2, "name", spec.id(slo) + ": " + windows + " 5% under the page factor " + number(factor)
						+ " do not page");
				yaml.plain(4, "interval", "1m");
				ratioSeries(yaml, spec, slo, Map.of(pair.longWindow(), 0.95 * factor * budget, pair.shortWindow(),
						0.95 * factor * budget));
				yaml.open(4, "alert_rule_test");
				noAlerts(yaml, slo, JUMP_MINUTE, 3 * JUMP_MINUTE);
			}
			yaml.item(2, "name", spec.id(slo) + ": every window at 0.9 x the budget never alerts");
			yaml.plain(4, "interval", "1m");
			Map<Duration, Double> healthy = new LinkedHashMap<>();
			MultiWindowAlerts.recordedWindows().forEach((window) -> healthy.put(window, 0.9 * budget));
			ratioSeries(yaml, spec, slo, healthy);
			yaml.open(4, "alert_rule_test");
			noAlerts(yaml, slo, JUMP_MINUTE, 3 * JUMP_MINUTE);
		}
		return Optional.of(yaml.toString());
	}

	/** Every recorded window's ratio series: 0 until the jump, then the given ratio (0 when absent). */
	private static void ratioSeries(YamlText yaml, SloSpec spec, SloSpec.Slo slo, Map<Duration, Double> ratios) {
		yaml.open(4, "input_series");
		for (Duration window : MultiWindowAlerts.recordedWindows()) {
			Map<String, String> labels = SloRuleGenerator.sloLabels(spec, slo);
			labels.put("sloth_window", ErrorRatioQueries.window(window));
			StringBuilder series = new StringBuilder(SloRuleGenerator.ratioRecord(ErrorRatioQueries.window(window))).append('{');
			labels.forEach((key, value) -> series.append(key).append('=').append(ErrorRatioQueries.quote(value)).append(','));
			series.setCharAt(series.length() - 1, '}');
			double ratio = ratios.getOrDefault(window, 0.0);
			series(yaml, series.toString(), "0x" + (JUMP_MINUTE - 1) + " " + number(ratio) + "x" + (3 * JUMP_MINUTE));
		}
	}

	private static void noAlerts(YamlText yaml, SloSpec.Slo slo, int... minutes) {
		for (int minute : minutes) {
			yaml.line(6, "- eval_time: " + minute + "m").value(8, "alertname", slo.alerting().name()).plain(8, "exp_alerts",
					"[]");
		}
	}

	private void faultTest(YamlText yaml, SloSpec spec, SloSpec.Slo slo) {
		double budget = slo.objective().errorBudget();
		// 40× the budget pages within half an hour; capped at every event failing
		double errorShare = Math.min(1.0, 40 * budget);
		Simulation simulation = new Simulation(budget, errorShare);
		int pageMinute = simulation.firstMinute(AlertWindow.Severity.PAGE);
		if (pageMinute < 0) {
			throw new IllegalStateException(spec.id(slo) + ": the fault does not page within " + MINUTES + " minutes");
		}
		yaml.item(2, "name", spec.id(slo) + ": " + number(errorShare * 100) + "% errors from minute " + HEALTHY_MINUTES
				+ " page at minute " + pageMinute + ", not before");
		yaml.plain(4, "interval", "1m");
		inputSeries(yaml, spec, slo, errorShare, HEALTHY_MINUTES);
		yaml.open(4, "alert_rule_test");
		expectAlerts(yaml, spec, slo, pageMinute - 1, simulation);
		expectAlerts(yaml, spec, slo, pageMinute, simulation);
	}

	private void healthyTest(YamlText yaml, SloSpec spec, SloSpec.Slo slo) {
		double errorShare = 0.5 * slo.objective().errorBudget();
		yaml.item(2, "name", spec.id(slo) + ": half the budget burning never alerts");
		yaml.plain(4, "interval", "1m");
		inputSeries(yaml, spec, slo, errorShare, 0);
		yaml.open(4, "alert_rule_test");
		for (int minute : new int[] { 5, 60, MINUTES / 2, MINUTES }) {
			yaml.line(6, "- eval_time: " + minute + "m").value(8, "alertname", slo.alerting().name()).plain(8, "exp_alerts",
					"[]");
		}
	}

	private void expectAlerts(YamlText yaml, SloSpec spec, SloSpec.Slo slo, int minute, Simulation simulation) {
		yaml.line(6, "- eval_time: " + minute + "m").value(8, "alertname", slo.alerting().name());
		List<AlertWindow.Severity> firing = new ArrayList<>();
		for (AlertWindow.Severity severity : AlertWindow.Severity.values()) {
			if (SloRuleGenerator.severityLabels(slo.alerting(), severity) != null && simulation.firing(severity, minute)) {
				firing.add(severity);
			}
		}
		if (firing.isEmpty()) {
			yaml.plain(8, "exp_alerts", "[]");
			return;
		}
		yaml.open(8, "exp_alerts");
		for (AlertWindow.Severity severity : firing) {
			expectedAlert(yaml, spec, slo, severity);
		}
	}

	/** One {@code exp_alerts} item: the SLO's labels, the rule's labels, the expanded annotations. */
	private void expectedAlert(YamlText yaml, SloSpec spec, SloSpec.Slo slo, AlertWindow.Severity severity) {
		Map<String, String> labels = SloRuleGenerator.sloLabels(spec, slo);
		labels.putAll(SloRuleGenerator.alertRuleLabels(spec, slo, severity));
		Map<String, String> annotations = new LinkedHashMap<>();
		this.rules.annotations(spec, slo, severity).forEach((key, value) -> annotations.put(key, expand(value, labels)));
		yaml.itemOpen(10, "exp_labels");
		labels.forEach((key, value) -> yaml.value(14, key, value));
		yaml.map(12, "exp_annotations", annotations);
	}

	/** The Micrometer series of the SLI: total and bad events, bad ones from {@code faultFrom} on. */
	private static void inputSeries(YamlText yaml, SloSpec spec, SloSpec.Slo slo, double errorShare, int faultFrom) {
		double bad = PER_MINUTE * errorShare;
		String total = counter(0, PER_MINUTE, 0);
		String good = counter(PER_MINUTE, PER_MINUTE - bad, faultFrom);
		String errors = counter(0, bad, faultFrom);
		String app = "application=" + ErrorRatioQueries.quote(spec.service());
		yaml.open(4, "input_series");
		Sli sli = slo.sli();
		if (sli instanceof Sli.HttpAvailability http) {
			String request = request(http.requests());
			series(yaml, HttpServerMetrics.REQUESTS + "{" + app + "," + request + ",status=\"200\"}", good);
			series(yaml, HttpServerMetrics.REQUESTS + "{" + app + "," + request + ",status=\""
					+ http.errorStatuses().patterns().get(0).replace("xx", "03") + "\"}", errors);
		}
		else if (sli instanceof Sli.HttpLatency http) {
			String request = request(http.requests()) + ",status=\"200\"";
			series(yaml, HttpServerMetrics.REQUESTS + "{" + app + "," + request + "}", total);
			series(yaml, HttpServerMetrics.BUCKETS + "{" + app + "," + request + ","
					+ HttpServerMetrics.bucket(http.bucketLabel()) + "}", good);
		}
		else if (sli instanceof Sli.CounterRatio counter) {
			Map.Entry<String, List<String>> tag = counter.errorTags().entrySet().iterator().next();
			String goodValue = tag.getValue().contains("ok") ? "good" : "ok";
			series(yaml, counter.prometheusName() + "{" + app + "," + tag.getKey() + "=\"" + goodValue + "\"}", good);
			series(yaml, counter.prometheusName() + "{" + app + "," + tag.getKey() + "=" + ErrorRatioQueries.quote(tag.getValue().get(0))
					+ "}", errors);
		}
	}

	private static String request(HttpRequests requests) {
		String uri = requests.uris().isEmpty() ? "/api/orders" : requests.uris().get(0);
		String method = requests.methods().isEmpty() ? "GET" : requests.methods().get(0);
		return "method=" + ErrorRatioQueries.quote(method) + ",uri=" + ErrorRatioQueries.quote(uri);
	}

	private static void series(YamlText yaml, String series, String values) {
		yaml.item(6, "series", series).value(8, "values", values);
	}

	/** promtool's expanding notation: {@code before}/minute up to the change, then {@code after}/minute. */
	private static String counter(double before, double after, int change) {
		if (change == 0) {
			return "0+" + number(after) + "x" + MINUTES;
		}
		double atChange = before * change;
		return "0+" + number(before) + "x" + change + " " + number(atChange + after) + "+" + number(after) + "x"
				+ (MINUTES - change - 1);
	}

	private static String number(double value) {
		return SloRuleGenerator.number(value);
	}

	/** promtool compares annotations after template expansion; ours only use {@code $labels}. */
	private static String expand(String template, Map<String, String> labels) {
		Matcher matcher = LABEL_TEMPLATE.matcher(template);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(labels.getOrDefault(matcher.group(1), "")));
		}
		return matcher.appendTail(expanded).toString();
	}

	/**
	 * The burn-rate conditions minute by minute on the synthetic series, computed exactly as
	 * Prometheus's {@code rate()} sees samples on the minute: the ratio of the increases over each
	 * window (clipped at the first sample), judged by the shared {@link AlertWindow} math.
	 */
	private final class Simulation {

		private final double budget;

		private final double errorShare;

		Simulation(double budget, double errorShare) {
			this.budget = budget;
			this.errorShare = errorShare;
		}

		int firstMinute(AlertWindow.Severity severity) {
			for (int minute = 1; minute <= MINUTES; minute++) {
				if (firing(severity, minute)) {
					return minute;
				}
			}
			return -1;
		}

		boolean firing(AlertWindow.Severity severity, int minute) {
			Duration period = PromtoolTestGenerator.this.rules.period();
			for (AlertWindow window : MultiWindowAlerts.of(severity)) {
				if (window.isBurning(period, burnRate(window.longWindow(), minute),
						burnRate(window.shortWindow(), minute))) {
					return true;
				}
			}
			return false;
		}

		private double burnRate(Duration window, int minute) {
			int from = (int) Math.max(0, minute - window.toMinutes());
			double errors = errors(minute) - errors(from);
			double total = PER_MINUTE * (minute - from);
			return (errors / total) / this.budget;
		}

		private double errors(int minute) {
			return PER_MINUTE * this.errorShare * Math.max(0, minute - HEALTHY_MINUTES);
		}

	}

}
