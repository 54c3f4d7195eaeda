package io.sightline.elk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * elk/kibana/sightline.ndjson: importable shape, references that resolve inside the file, and every field
 * the saved objects use present in the real demo logs with a type the index template maps compatibly.
 */
class KibanaSavedObjectsTests {

	private static final Set<String> STRING_TYPES = Set.of("keyword", "text", "match_only_text", "constant_keyword",
			"wildcard");

	@Test
	void everyLineIsASavedObjectWithAUniqueId() {
		String[] lines = Elk.read(Elk.elk("kibana/sightline.ndjson")).split("\n");
		Set<String> ids = new HashSet<>();
		for (String line : lines) {
			assertThat(line).as("no blank lines in NDJSON").isNotBlank();
			JsonNode object = Elk.parse(line);
			assertThat(object.path("type").asText()).isIn("index-pattern", "search", "lens", "dashboard");
			assertThat(object.path("id").asText()).isNotBlank();
			assertThat(object.path("attributes").isObject()).isTrue();
			assertThat(object.path("references").isArray()).isTrue();
			assertThat(object.path("coreMigrationVersion").asText()).matches("8\\.\\d+\\.\\d+");
			assertThat(object.path("typeMigrationVersion").asText()).matches("\\d+\\.\\d+\\.\\d+");
			assertThat(ids.add(object.path("id").asText())).as("unique id %s", object.path("id")).isTrue();
		}
	}

	@Test
	void theDataViewHasAFixedIdAndTheTemplatesPattern() {
		JsonNode dataView = byId().get("sightline-logs");
		assertThat(dataView).isNotNull();
		assertThat(dataView.path("type").asText()).isEqualTo("index-pattern");
		assertThat(dataView.path("attributes").path("title").asText()).isEqualTo("logs-sightline-*");
		assertThat(dataView.path("attributes").path("timeFieldName").asText()).isEqualTo("@timestamp");
		assertThat(Elk.indexTemplate().path("index_patterns").get(0).asText()).isEqualTo("logs-sightline-*");
	}

	@Test
	void theRequiredObjectsExist() {
		Map<String, String> titles = new LinkedHashMap<>();
		for (JsonNode object : Elk.savedObjects()) {
			titles.put(object.path("attributes").path("title").asText(), object.path("type").asText());
		}
		assertThat(titles).containsEntry("Errors by service", "search")
			.containsEntry("A trace's logs", "search")
			.containsEntry("Saga events", "search")
			.containsEntry("Logs overview", "dashboard");
		assertThat(Elk.kql(byId().get("sightline-trace-logs"))).isEqualTo("trace.id: \"\"");
		assertThat(Elk.kql(byId().get("sightline-errors-by-service"))).isEqualTo("log.level: ERROR");
	}

	@Test
	void everyReferenceResolvesInsideTheFile() {
		Map<String, JsonNode> objects = byId();
		for (JsonNode object : objects.values()) {
			for (JsonNode reference : object.path("references")) {
				JsonNode target = objects.get(reference.path("id").asText());
				assertThat(target).as("%s → %s", object.path("id").asText(), reference).isNotNull();
				assertThat(target.path("type").asText()).as("type of %s", reference).isEqualTo(reference.path("type").asText());
			}
			String type = object.path("type").asText();
			Set<String> names = new HashSet<>();
			object.path("references").forEach((r) -> names.add(r.path("name").asText()));
			if ("search".equals(type)) {
				JsonNode source = Elk.parse(object.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
				assertThat(names).contains(source.path("indexRefName").asText());
			}
			if ("lens".equals(type)) {
				object.path("attributes").path("state").path("datasourceStates").path("formBased").path("layers")
					.fieldNames()
					.forEachRemaining((layer) -> assertThat(names).contains("indexpattern-datasource-layer-" + layer));
			}
			if ("dashboard".equals(type)) {
				for (JsonNode panel : Elk.parse(object.path("attributes").path("panelsJSON").asText())) {
					assertThat(names).contains(panel.path("panelIndex").asText() + ":" + panel.path("panelRefName").asText());
				}
				assertThat(names).hasSize(5);
			}
		}
	}

	@Test
	void everyUsedFieldIsInTheRealLogsAndMappedCompatibly() {
		List<JsonNode> events = Elk.demoLogs(); // visible skip without captured demo logs
		Map<String, JsonNode> samples = new HashMap<>();
		for (JsonNode event : events) {
			event.fields().forEachRemaining((field) -> samples.putIfAbsent(field.getKey(), field.getValue()));
		}
		Map<String, Set<String>> used = usedFields();
		assertThat(used.keySet()).contains("@timestamp", "trace.id", "service.name", "log.level", "message",
				"log.logger", "span.id", "labels.order_id", "message.keyword");
		for (Map.Entry<String, Set<String>> entry : used.entrySet()) {
			String field = entry.getKey();
			String where = "field " + field + " used by " + entry.getValue();
			// a multi-field (message.keyword) is indexed from its parent's value
			String logField = Elk.templateFieldTypes().containsKey(field) && !samples.containsKey(field)
					&& field.contains(".") && samples.containsKey(field.substring(0, field.lastIndexOf('.')))
							? field.substring(0, field.lastIndexOf('.')) : field;
			JsonNode sample = samples.get(logField);
			assertThat(sample).as(where + ": present in the demo's real log lines").isNotNull();
			String type = Elk.templateType(field, sample.isTextual());
			assertThat(type).as(where + ": mapped by the index template").isNotNull();
			if ("date".equals(type)) {
				assertThat(sample.isTextual()).as(where).isTrue();
				try {
					Instant.parse(sample.asText());
				}
				catch (DateTimeParseException ex) {
					fail(where + ": not an ISO-8601 timestamp: " + sample);
				}
			}
			else if (STRING_TYPES.contains(type)) {
				assertThat(sample.isTextual()).as(where + ": a string in the logs for a " + type + " field").isTrue();
			}
			else {
				fail(where + ": unexpected mapping type " + type);
			}
		}
	}

	/** field → the saved objects using it: columns, sort, KQL queries, Lens source fields, time field. */
	static Map<String, Set<String>> usedFields() {
		Map<String, Set<String>> used = new LinkedHashMap<>();
		for (JsonNode object : Elk.savedObjects()) {
			String id = object.path("id").asText();
			JsonNode attributes = object.path("attributes");
			switch (object.path("type").asText()) {
				case "index-pattern":
					use(used, attributes.path("timeFieldName").asText(), id);
					break;
				case "search":
					attributes.path("columns").forEach((c) -> use(used, c.asText(), id));
					attributes.path("sort").forEach((s) -> use(used, s.get(0).asText(), id));
					Kql.fields(Elk.kql(object)).forEach((f) -> use(used, f, id));
					break;
				case "lens":
					for (JsonNode layer : attributes.path("state").path("datasourceStates").path("formBased").path("layers")) {
						for (JsonNode column : layer.path("columns")) {
							String field = column.path("sourceField").asText();
							if (!"___records___".equals(field)) {
								use(used, field, id);
							}
						}
					}
					Kql.fields(Elk.kql(object)).forEach((f) -> use(used, f, id));
					break;
				default:
					break;
			}
		}
		return used;
	}

	private static void use(Map<String, Set<String>> used, String field, String id) {
		assertThat(field).as("empty field name in %s", id).isNotBlank();
		used.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(id);
	}

	private static Map<String, JsonNode> byId() {
		Map<String, JsonNode> objects = new LinkedHashMap<>();
		for (JsonNode object : Elk.savedObjects()) {
			objects.put(object.path("id").asText(), object);
		}
		return objects;
	}

}
