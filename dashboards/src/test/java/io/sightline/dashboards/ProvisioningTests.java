package io.sightline.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sightline.dashboards.lint.GrafanaInterpolation;
import io.sightline.dashboards.lint.ProvisionedDatasources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Grafana provisioning files under {@code grafana/provisioning}: they parse (SnakeYAML, SafeConstructor), the data
 * sources have the fixed uids dashboards and cross-links rely on, Grafana's own {@code ${__…}} macros survive
 * Grafana's environment-variable interpolation, and the dashboard provider reads the folder docker compose mounts.
 */
class ProvisioningTests {

	static final Path PROVISIONING = Path.of("..", "grafana", "provisioning");

	static final Path DATASOURCES = PROVISIONING.resolve("datasources").resolve("sightline.yaml");

	static final Path PROVIDERS = PROVISIONING.resolve("dashboards").resolve("sightline.yaml");

	/** Where docker compose mounts grafana/provisioning in the Grafana container. */
	static final String PROVISIONING_MOUNT = "/etc/grafana/provisioning";

	private static Map<String, Object> datasourcesFile;

	private static Map<String, Map<String, Object>> byUid;

	@BeforeAll
	static void read() throws IOException {
		if (!Files.isDirectory(PROVISIONING)) {
			fail("No provisioning folder " + PROVISIONING.toAbsolutePath().normalize() + " (grafana/provisioning of "
					+ "the repository, seen from the module folder); tests run in " + Path.of("").toAbsolutePath());
		}
		datasourcesFile = yaml(DATASOURCES);
		byUid = new LinkedHashMap<>();
		for (Map<String, Object> datasource : list(datasourcesFile.get("datasources"))) {
			byUid.put(String.valueOf(datasource.get("uid")), datasource);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(Path file) throws IOException {
		Object document = ProvisionedDatasources.parseYaml(Files.readString(file));
		assertThat(document).as(file + " is a YAML mapping").isInstanceOf(Map.class);
		return (Map<String, Object>) document;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

	private static Map<String, Object> jsonData(String uid) {
		return map(byUid.get(uid).get("jsonData"));
	}

	// ------------------------------------------------------------------ both files

	@Test
	void everyProvisioningFileParsesWithApiVersion1() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(PROVISIONING)) {
			files = walk.filter((file) -> file.toString().matches(".*\\.ya?ml")).sorted().toList();
		}
		assertThat(files).as("provisioning files").contains(DATASOURCES, PROVIDERS);
		for (Path file : files) {
			Map<String, Object> document = yaml(file);
			assertThat(document.get("apiVersion")).as("apiVersion of " + file).isEqualTo(1);
			// Grafana reads datasources/*.yaml for data sources and dashboards/*.yaml for providers
			String kind = file.getParent().getFileName().toString();
			assertThat(document).as(file + " in " + kind + "/")
				.containsKey(kind.equals("datasources") ? "datasources" : "providers");
		}
	}

	// ------------------------------------------------------------------ data sources

	@Test
	void datasourcesHaveTheFixedUidsTypesAndUrls() {
		assertThat(byUid.keySet()).containsExactlyInAnyOrder("prometheus", "zipkin", "elasticsearch-logs",
				"alertmanager", "influxdb-events");
		Map<String, String> types = byUid.values().stream()
			.collect(Collectors.toMap((d) -> String.valueOf(d.get("uid")), (d) -> String.valueOf(d.get("type"))));
		assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("prometheus", "prometheus", "zipkin", "zipkin",
				"elasticsearch-logs", "elasticsearch", "alertmanager", "alertmanager", "influxdb-events", "influxdb"));
		Map<String, String> urls = byUid.values().stream()
			.collect(Collectors.toMap((d) -> String.valueOf(d.get("uid")), (d) -> String.valueOf(d.get("url"))));
		assertThat(urls).containsExactlyInAnyOrderEntriesOf(Map.of("prometheus", "http://prometheus:9090", "zipkin",
				"http://zipkin:9411", "elasticsearch-logs", "http://elasticsearch:9200", "alertmanager",
				"http://alertmanager:9093", "influxdb-events", "http://influxdb:8086"));
		byUid.values().forEach((d) -> assertThat(d.get("access")).as("access of " + d.get("uid")).isEqualTo("proxy"));
	}

	@Test
	void namesAreUniqueAndPrometheusIsTheOneDefault() {
		List<String> names = byUid.values().stream().map((d) -> String.valueOf(d.get("name"))).toList();
		assertThat(names).doesNotHaveDuplicates().noneMatch(String::isBlank);
		assertThat(byUid.values().stream().filter((d) -> Boolean.TRUE.equals(d.get("isDefault"))))
			.extracting((d) -> d.get("uid"))
			.containsExactly("prometheus");
	}

	@Test
	void datasourceSettingsAreAsSpecified() {
		assertThat(jsonData("prometheus")).containsEntry("httpMethod", "POST")
			.containsEntry("prometheusType", "Prometheus")
			.containsEntry("prometheusVersion", "2.42.0")
			.containsEntry("timeInterval", "15s");
		assertThat(map(jsonData("zipkin").get("tracesToLogsV2"))).containsEntry("filterByTraceID", true)
			.containsEntry("customQuery", true)
			.containsKeys("spanStartTimeShift", "spanEndTimeShift", "query");
		assertThat(jsonData("elasticsearch-logs")).containsEntry("index", "logs-sightline-*")
			.containsEntry("timeField", "@timestamp")
			.containsEntry("logMessageField", "message")
			.containsEntry("logLevelField", "log.level");
		assertThat(jsonData("alertmanager")).containsEntry("implementation", "prometheus")
			.containsEntry("handleGrafanaManagedAlerts", false);
		assertThat(jsonData("influxdb-events")).containsEntry("version", "Flux")
			.containsEntry("organization", "sightline")
			.containsEntry("defaultBucket", "events");
		assertThat(map(byUid.get("influxdb-events").get("secureJsonData"))).containsKey("token");
	}

	@Test
	void crossLinksReferenceProvisionedUids() {
		List<Map<String, Object>> exemplars = list(jsonData("prometheus").get("exemplarTraceIdDestinations"));
		assertThat(exemplars).singleElement().satisfies((destination) -> {
			assertThat(destination).containsEntry("name", "trace_id").containsEntry("datasourceUid", "zipkin");
		});
		assertThat(map(jsonData("zipkin").get("tracesToLogsV2"))).containsEntry("datasourceUid", "elasticsearch-logs");
		List<Map<String, Object>> dataLinks = list(jsonData("elasticsearch-logs").get("dataLinks"));
		assertThat(dataLinks).singleElement().satisfies((link) -> {
			assertThat(link).containsEntry("field", "trace.id").containsEntry("datasourceUid", "zipkin");
		});
		// and no other datasourceUid anywhere points nowhere
		List<String> references = new ArrayList<>();
		collect(datasourcesFile, "datasourceUid", references);
		assertThat(references).isNotEmpty().allSatisfy((uid) -> assertThat(byUid).containsKey(uid));
	}

	private static void collect(Object node, String key, List<String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				if (key.equals(k)) {
					into.add(String.valueOf(v));
				}
				collect(v, key, into);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((element) -> collect(element, key, into));
		}
	}

	// ------------------------------------------------------------------ $ and $$

	/** Every string value of the document, as "path: value". */
	private static Map<String, String> strings(Object node, String path, Map<String, String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> strings(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, into));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				strings(list.get(i), path + "[" + i + "]", into);
			}
		}
		else if (node instanceof String value) {
			into.put(path, value);
		}
		return into;
	}

	/** Values in which Grafana's interpolation would swallow a Grafana macro ({@code ${__…}} / {@code $__…}). */
	static List<String> unescapedMacros(Map<String, Object> document) {
		List<String> problems = new ArrayList<>();
		strings(document, "", new LinkedHashMap<>()).forEach((path, value) -> {
			Set<String> lookups = GrafanaInterpolation.interpolate(value, Map.of()).lookups();
			lookups.stream().filter((name) -> name.startsWith("__")).forEach((name) -> problems.add(path + ": '"
					+ value + "' looks up the environment variable '" + name + "'; write the macro with $$"));
		});
		return problems;
	}

	@Test
	void grafanaMacrosAreEscapedWithDoubleDollar() {
		assertThat(unescapedMacros(datasourcesFile)).isEmpty();
		// the only environment variable the file reads is the InfluxDB token
		Set<String> lookups = new java.util.TreeSet<>();
		strings(datasourcesFile, "", new LinkedHashMap<>())
			.forEach((path, value) -> lookups.addAll(GrafanaInterpolation.interpolate(value, Map.of()).lookups()));
		assertThat(lookups).containsExactly("INFLUX_TOKEN");
	}

	@Test
	void afterInterpolationGrafanaSeesItsMacrosAndTheToken() {
		Map<String, String> environment = Map.of("INFLUX_TOKEN", "s3cr3t", "__trace", "oops", "__value", "oops");
		assertThat(interpolated(list(jsonData("elasticsearch-logs").get("dataLinks")).get(0).get("url"), environment))
			.isEqualTo("${__value.raw}");
		assertThat(interpolated(map(jsonData("zipkin").get("tracesToLogsV2")).get("query"), environment))
			.isEqualTo("trace.id:\"${__trace.traceId}\"");
		assertThat(interpolated(map(byUid.get("influxdb-events").get("secureJsonData")).get("token"), environment))
			.isEqualTo("s3cr3t");
	}

	private static String interpolated(Object raw, Map<String, String> environment) {
		return GrafanaInterpolation.interpolate(String.valueOf(raw), environment).value();
	}

	@Test
	void anUnescapedMacroIsCaught() {
		Object document = ProvisionedDatasources.parseYaml("""
				apiVersion: 1
				datasources:
				  - name: Elasticsearch logs
				    uid: elasticsearch-logs
				    jsonData:
				      dataLinks:
				        - field: trace.id
				          datasourceUid: zipkin
				          url: '${__value.raw}'
				      note: 'costs $$5 and $__interval'
				""");
		@SuppressWarnings("unchecked")
		List<String> problems = unescapedMacros((Map<String, Object>) document);
		assertThat(problems).hasSize(2)
			.anySatisfy((problem) -> assertThat(problem).contains("dataLinks[0].url", "'__value.raw'"))
			.anySatisfy((problem) -> assertThat(problem).contains("note", "'__interval'"));
		// what Grafana would have stored: the link is gone
		assertThat(GrafanaInterpolation.interpolate("${__value.raw}", Map.of()).value()).isEmpty();
		assertThat(GrafanaInterpolation.interpolate("$${__value.raw}", Map.of()).value()).isEqualTo("${__value.raw}");
		assertThat(GrafanaInterpolation.interpolate("costs $$5 and $$$$", Map.of()).value()).isEqualTo("costs $5 and $$");
		assertThat(GrafanaInterpolation.interpolate("http://h:$PORT/x${}y$", Map.of("PORT", "9")).value())
			.isEqualTo("http://h:9/xy$");
	}

	// ------------------------------------------------------------------ dashboard provider

	@Test
	void theDashboardProviderLoadsTheComposeMountIntoTheSightlineFolder() throws IOException {
		Map<String, Object> document = yaml(PROVIDERS);
		List<Map<String, Object>> providers = list(document.get("providers"));
		assertThat(providers).hasSize(1);
		Map<String, Object> provider = providers.get(0);
		assertThat(provider).containsEntry("folder", "Sightline")
			.containsEntry("type", "file")
			.containsEntry("disableDeletion", false)
			.containsEntry("allowUiUpdates", false)
			.containsEntry("updateIntervalSeconds", 30);
		Map<String, Object> options = map(provider.get("options"));
		assertThat(options).containsEntry("foldersFromFilesStructure", false);
		String path = String.valueOf(options.get("path"));

		// the mounts documented in the file's comment
		Map<String, String> documented = mounts(Files.readAllLines(PROVIDERS).stream()
			.filter((line) -> line.trim().startsWith("#"))
			.collect(Collectors.joining("\n")));
		assertThat(documented).as("mounts documented in a comment of " + PROVIDERS)
			.containsEntry("grafana/dashboards", path)
			.containsEntry("grafana/provisioning", PROVISIONING_MOUNT);

		// and, once it exists, the compose file itself
		Path compose = Path.of("..", "deploy", "docker-compose.yml");
		if (Files.exists(compose)) {
			assertThat(mounts(Files.readString(compose))).as("grafana mounts in " + compose)
				.containsEntry("grafana/dashboards", path)
				.containsEntry("grafana/provisioning", PROVISIONING_MOUNT);
		}
		else {
			System.out.println(compose + " does not exist yet: provider path checked against the comment only");
		}
	}

	/** {@code …grafana/dashboards:/container/path[:ro]} → "grafana/dashboards" → "/container/path". */
	private static Map<String, String> mounts(String text) {
		Map<String, String> mounts = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("(grafana/(?:dashboards|provisioning))/?:(/[^:\\s\"']+)").matcher(text);
		while (matcher.find()) {
			mounts.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return mounts;
	}

}
