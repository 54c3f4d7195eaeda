package io.sightline.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of every panel of the repository's Grafana dashboards, run against a live Prometheus the
 * way Grafana would: template variables resolved from Prometheus itself ({@code label_values}), "All"
 * as the alternation of every value, Grafana's macros substituted, as a range query over the recent past.
 */
final class DashboardQueries {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\(\\s*(?:(.*)\\s*,\\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::[a-z]+)?}|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

	/** The marker of panels whose data exists only during an incident: {@code Incident-only: <fault>.} */
	static final Pattern INCIDENT = Pattern.compile("Incident-only: ([a-z0-9-]+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String prometheus;

	private final Duration scrape;

	DashboardQueries(String prometheusUrl, Duration scrape) {
		this.prometheus = prometheusUrl;
		this.scrape = scrape;
	}

	/** One panel target. */
	record Target(String dashboard, String panel, String refId, String expr, boolean instant, String incident) {

		@Override
		public String toString() {
			return this.dashboard + " → " + this.panel + " [" + this.refId + "]";
		}

	}

	/** Every target of every dashboard in the folder. */
	static List<Target> targets(Path dashboards) throws IOException {
		List<Target> targets = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(dashboards)) {
			files = listing.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path file : files) {
			JsonNode dashboard = JSON.readTree(file.toFile());
			String name = dashboard.path("uid").asString(file.getFileName().toString());
			collect(name, dashboard.path("panels"), targets);
		}
		return targets;
	}

	private static void collect(String dashboard, JsonNode panels, List<Target> targets) {
		for (JsonNode panel : panels) {
			collect(dashboard, panel.path("panels"), targets);
			Matcher incident = INCIDENT.matcher(panel.path("description").asString(""));
			String fault = incident.find() ? incident.group(1) : null;
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString("");
				if (!expr.isBlank() && !target.path("hide").asBoolean(false)) {
					targets.add(new Target(dashboard, panel.path("title").asString("(untitled)"),
							target.path("refId").asString("?"), expr, target.path("instant").asBoolean(false), fault));
				}
			}
		}
	}

	/** The template variables of every dashboard, resolved against Prometheus: name → all values. */
	Map<String, Map<String, List<String>>> variables(Path dashboards) throws IOException, InterruptedException {
		Map<String, Map<String, List<String>>> resolved = new LinkedHashMap<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(dashboards)) {
			files = listing.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
		for (Path file : files) {
			JsonNode dashboard = JSON.readTree(file.toFile());
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				String name = variable.path("name").asString("");
				if (variable.path("type").asString("").equals("query")) {
					JsonNode query = variable.path("query");
					String text = query.isObject() ? query.path("query").asString("") : query.asString("");
					values.put(name, labelValues(substitute(text, values, false)));
				}
				else if (variable.path("type").asString("").equals("custom")) {
					values.put(name, List.of(variable.path("query").asString("").split("\\s*,\\s*")));
				}
			}
			resolved.put(dashboard.path("uid").asString(""), values);
		}
		return resolved;
	}

	/** {@code label_values(selector, label)} through the series API. */
	List<String> labelValues(String query) throws IOException, InterruptedException {
		Matcher matcher = LABEL_VALUES.matcher(query.trim());
		if (!matcher.matches()) {
			throw new IllegalStateException("a variable must be a label_values() query, was " + query);
		}
		String selector = matcher.group(1);
		String label = matcher.group(2);
		String url = this.prometheus + "/api/v1/label/" + label + "/values"
				+ ((selector != null && !selector.isBlank()) ? "?match[]=" + encode(selector.trim()) : "");
		JsonNode response = get(url);
		List<String> values = new ArrayList<>();
		response.path("data").forEach((value) -> values.add(value.asString()));
		return values;
	}

	/** The expression with Grafana's macros and the variables ("All": every value) in place. */
	String substitute(String expr, Map<String, List<String>> variables, boolean strict) {
		Duration rateInterval = this.scrape.multipliedBy(4).compareTo(Duration.ofSeconds(30)) > 0
				? this.scrape.multipliedBy(4) : Duration.ofSeconds(30);
		String text = expr.replace("$__rate_interval", rateInterval.toSeconds() + "s")
			.replace("${__rate_interval}", rateInterval.toSeconds() + "s")
			.replace("$__interval", "15s")
			.replace("${__interval}", "15s")
			.replace("$__range", "10m")
			.replace("${__range}", "10m");
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			List<String> values = variables.get(name);
			String replacement;
			if (values == null || values.isEmpty()) {
				if (strict && !name.equals("datasource")) {
					throw new IllegalStateException("variable $" + name + " has no values in " + expr);
				}
				replacement = ".*";
			}
			else {
				replacement = values.stream().map((value) -> value.replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\\\\\$1"))
					.collect(Collectors.joining("|"));
				replacement = (values.size() > 1) ? "(" + replacement + ")" : replacement;
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		return matcher.appendTail(result).toString();
	}

	/** Series a query returns over the last minutes (range query), or -1 with the error. */
	Result run(String expr, boolean instant, Duration lookBack) throws IOException, InterruptedException {
		Instant end = Instant.now();
		String url = instant ? this.prometheus + "/api/v1/query?query=" + encode(expr)
				: this.prometheus + "/api/v1/query_range?query=" + encode(expr) + "&start="
						+ end.minus(lookBack).getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=15";
		JsonNode response = get(url);
		if (!"success".equals(response.path("status").asString(""))) {
			return new Result(-1, response.path("error").asString(response.toString()));
		}
		return new Result(response.path("data").path("result").size(), null);
	}

	record Result(int series, String error) {
	}

	/** Exemplars of a query over the last minutes: their trace ids. */
	Set<String> exemplarTraceIds(String expr, Duration lookBack) throws IOException, InterruptedException {
		Instant end = Instant.now();
		JsonNode response = get(this.prometheus + "/api/v1/query_exemplars?query=" + encode(expr) + "&start="
				+ end.minus(lookBack).getEpochSecond() + "&end=" + end.getEpochSecond());
		Set<String> traceIds = new LinkedHashSet<>();
		for (JsonNode series : response.path("data")) {
			for (JsonNode exemplar : series.path("exemplars")) {
				String traceId = exemplar.path("labels").path("trace_id").asString("");
				if (!traceId.isEmpty()) {
					traceIds.add(traceId);
				}
			}
		}
		return traceIds;
	}

	private JsonNode get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
