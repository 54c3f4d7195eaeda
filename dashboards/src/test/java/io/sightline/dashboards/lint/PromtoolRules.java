package io.sightline.dashboards.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.it.support.PrometheusTools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that every PromQL expression of a dashboard parses, with the real parser: each expression, its Grafana
 * variables replaced by plausible values, becomes a recording rule in a temporary rules file, and
 * {@code promtool check rules} judges the file. Needs promtool on the PATH ({@link PrometheusTools#promtool()}).
 */
public final class PromtoolRules {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code ${name}}, {@code ${name:format}}, {@code $name}, {@code [[name]]}, {@code [[name:format]]} */
	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\$(\\w+)|\\[\\[(\\w+)(?::[^]]*)?]]");

	private static final Map<String, String> BUILT_INS = Map.of("__rate_interval", "1m", "__interval", "1m",
			"__range", "1h", "__rate_interval_ms", "60000", "__interval_ms", "60000", "__range_s", "3600",
			"__range_ms", "3600000");

	private static final Pattern PROMTOOL_ERROR = Pattern.compile("\"(lint:[A-Za-z0-9_:]+)\": (.*)");

	private PromtoolRules() {
	}

	/**
	 * Grafana's interpolation, roughly: {@code $__rate_interval} and {@code $__interval} → {@code 1m},
	 * {@code $__range} → {@code 1h}, any other variable ({@code $application}, {@code ${instance}} …) → {@code x}.
	 */
	public static String substitute(String expr) {
		Matcher matcher = VARIABLE.matcher(expr);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1)
					: (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
			matcher.appendReplacement(result, Matcher.quoteReplacement(BUILT_INS.getOrDefault(name, "x")));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * Writes the expressions into {@code directory}/{@code name}.rules.yml, runs promtool on it and returns one
	 * violation per expression promtool rejects (and one for any other failure).
	 */
	public static List<Violation> check(String dashboard, List<DashboardLinter.Expression> expressions,
			Path directory) {
		Map<String, DashboardLinter.Expression> byRecord = new LinkedHashMap<>();
		List<Map<String, String>> rules = new ArrayList<>();
		for (DashboardLinter.Expression expression : expressions) {
			String record = "lint:e" + byRecord.size() + "_" + expression.where().replaceAll("[^A-Za-z0-9_]+", "_");
			byRecord.put(record, expression);
			rules.add(Map.of("record", record, "expr", substitute(expression.expr())));
		}
		if (rules.isEmpty()) {
			return List.of();
		}
		Path file = directory.resolve(dashboard.replaceAll("[^A-Za-z0-9_.-]", "_") + ".rules.yml");
		try {
			// JSON is YAML: promtool reads it as a rules file
			Files.writeString(file, JSON.writerWithDefaultPrettyPrinter()
				.writeValueAsString(Map.of("groups", List.of(Map.of("name", dashboard, "rules", rules)))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PrometheusTools.Result result = PrometheusTools.checkRules(List.of(file));
		if (result.ok()) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>();
		for (String line : result.output().split("\n")) {
			Matcher matcher = PROMTOOL_ERROR.matcher(line);
			if (matcher.find() && byRecord.containsKey(matcher.group(1))) {
				DashboardLinter.Expression expression = byRecord.get(matcher.group(1));
				violations.add(new Violation(dashboard, expression.where(), "target-promql-rule",
						"promtool: " + matcher.group(2) + " in '" + expression.expr() + "' (as '"
								+ substitute(expression.expr()) + "')"));
			}
		}
		if (violations.isEmpty()) {
			violations.add(new Violation(dashboard, "-", "target-promql-rule", result.toString()));
		}
		return violations;
	}

}
