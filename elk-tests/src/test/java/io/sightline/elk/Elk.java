package io.sightline.elk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The repository's elk/ files and the demo's captured log lines, shared by the tests. */
final class Elk {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String NO_DEMO_LOGS = "no captured demo logs: run the full build (./mvnw verify) so "
			+ "demo-services/launcher writes target/demo-logs";

	/** The index template's name, as elk/setup.sh installs it. */
	static final String TEMPLATE_NAME = "sightline-logs";

	private Elk() {
	}

	static Path root() {
		String configured = System.getProperty("sightline.repo.root");
		Path root = (configured != null) ? Paths.get(configured) : Paths.get("..");
		return root.toAbsolutePath().normalize();
	}

	static Path elk(String relative) {
		return root().resolve("elk").resolve(relative);
	}

	static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode readJson(Path path) {
		try {
			return JSON.readTree(path.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode parse(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("not JSON: " + json, ex);
		}
	}

	static Path demoLogsDir() {
		return root().resolve("demo-services/launcher/target/demo-logs");
	}

	/**
	 * Every JSON line the demo's four services sent over TCP (written by the launcher's end-to-end test),
	 * or a visible skip when the module runs without the earlier reactor modules.
	 */
	static List<String> demoLogLines() {
		Path file = demoLogsDir().resolve("logs.jsonl");
		demoLogsPresent(Files.isRegularFile(file), NO_DEMO_LOGS + " (missing " + file + ")");
		List<String> lines = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		demoLogsPresent(!lines.isEmpty(), NO_DEMO_LOGS + " (" + file + " is empty)");
		return lines;
	}

	/**
	 * A visible skip when the module runs alone; a failure in CI ({@code SIGHTLINE_CI=true}, set by .ci/run),
	 * where the launcher's end-to-end test runs first and must have captured the logs.
	 */
	static void demoLogsPresent(boolean present, String why) {
		if (!present && "true".equals(System.getenv("SIGHTLINE_CI"))) {
			throw new AssertionError(why + "; in CI the launcher's DemoWithAgentIT must have captured them");
		}
		assumeTrue(present, why);
	}

	static List<JsonNode> demoLogs() {
		List<JsonNode> events = new ArrayList<>();
		for (String line : demoLogLines()) {
			events.add(parse(line));
		}
		return events;
	}

	/** {@code {"orderId":"…","traceId":"…"}}: one order that went through all four services. */
	static JsonNode demoOrder() {
		Path file = demoLogsDir().resolve("order.json");
		demoLogsPresent(Files.isRegularFile(file), NO_DEMO_LOGS + " (missing " + file + ")");
		return readJson(file);
	}

	static ObjectNode indexTemplate() {
		return (ObjectNode) readJson(elk("elasticsearch/index-template.json"));
	}

	/**
	 * The template's field paths and their mapping types, including multi-fields
	 * ({@code message.keyword}); object containers are left out.
	 */
	static Map<String, String> templateFieldTypes() {
		Map<String, String> types = new LinkedHashMap<>();
		collect("", indexTemplate().path("template").path("mappings").path("properties"), types);
		return types;
	}

	private static void collect(String prefix, JsonNode properties, Map<String, String> types) {
		Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String path = prefix + field.getKey();
			JsonNode mapping = field.getValue();
			if (mapping.has("properties")) {
				collect(path + ".", mapping.get("properties"), types);
			}
			else if (mapping.has("type") && !"object".equals(mapping.get("type").asText())) {
				types.put(path, mapping.get("type").asText());
				collect(path + ".", mapping.path("fields"), types);
			}
		}
	}

	/**
	 * The mapping type a field gets from the template: an explicit property, else the first matching
	 * dynamic template ({@code path_match} globs; {@code match_mapping_type: string} for a string value).
	 * Null when unmapped.
	 */
	static String templateType(String field, boolean stringValue) {
		String explicit = templateFieldTypes().get(field);
		if (explicit != null) {
			return explicit;
		}
		for (JsonNode entry : indexTemplate().path("template").path("mappings").path("dynamic_templates")) {
			JsonNode rule = entry.elements().next();
			boolean pathOk = !rule.has("path_match") || glob(rule.get("path_match").asText(), field);
			boolean typeOk = !rule.has("match_mapping_type") || ("string".equals(rule.get("match_mapping_type").asText())
					&& stringValue);
			if (pathOk && typeOk) {
				return rule.path("mapping").path("type").asText();
			}
		}
		return null;
	}

	static boolean glob(String pattern, String value) {
		String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
		return value.matches(regex);
	}

	/** The Logstash pipeline's namespace rule (elk/logstash/pipeline/sightline.conf, ruby filter). */
	static String namespace(String environment) {
		String namespace = (environment == null) ? "" : environment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (namespace.length() > 100) {
			namespace = namespace.substring(0, 100);
		}
		return namespace.isEmpty() ? "default" : namespace;
	}

	/** Kibana's saved objects, one per NDJSON line. */
	static List<JsonNode> savedObjects() {
		List<JsonNode> objects = new ArrayList<>();
		for (String line : read(elk("kibana/sightline.ndjson")).split("\n")) {
			if (!line.isBlank()) {
				objects.add(parse(line));
			}
		}
		return objects;
	}

	/** The KQL query of a saved search or Lens visualization. */
	static String kql(JsonNode savedObject) {
		JsonNode attributes = savedObject.path("attributes");
		if ("search".equals(savedObject.path("type").asText())) {
			JsonNode source = parse(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
			return source.path("query").path("query").asText("");
		}
		return attributes.path("state").path("query").path("query").asText("");
	}

}
