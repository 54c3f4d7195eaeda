package io.sightline.elk;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The index template and the saved queries against REAL demo log lines in a real search engine:
 * OpenSearch 2.19 (embedded), standing in for Elasticsearch, which cannot run here. The documents are
 * shaped exactly as elk/logstash/pipeline/sightline.conf would send them (same data_stream.* and
 * event.* fields), and written with a bulk {@code create} into the data stream the pipeline routes to.
 *
 * <p>
 * Adaptations to OpenSearch, done here and not in the shipped files:
 * <ul>
 * <li>{@code index.lifecycle.name} is removed: OpenSearch has ISM, not ILM (the policy itself is checked
 * structurally by {@link LogstashPipelineTests}).</li>
 * <li>{@code match_only_text} becomes {@code text} only if this OpenSearch rejects it.</li>
 * </ul>
 */
class OpenSearchLogsTests {

	private static final Set<String> DEMO_SERVICES = Set.of("gateway", "order-service", "payment-service",
			"inventory-service");

	private static EmbeddedOpenSearch search;

	private static List<JsonNode> events;

	private static JsonNode order;

	private static String dataStream;

	private static boolean matchOnlyTextAdapted;

	/** Why every test is skipped (no captured demo logs), reported per test so that the skip shows. */
	private static String skipped;

	@BeforeAll
	static void ingestDemoLogs() throws Exception {
		try {
			events = Elk.demoLogs();
			order = Elk.demoOrder();
		}
		catch (TestAbortedException ex) {
			// nothing started; surefire counts a class aborted in @BeforeAll as "0 run", so skip per test
			skipped = ex.getMessage();
			return;
		}
		search = new EmbeddedOpenSearch();
		System.out.println("[elk-tests] OpenSearch up at " + search.baseUrl() + " in " + search.startup.toMillis()
				+ " ms");

		ObjectNode template = Elk.indexTemplate();
		((ObjectNode) template.path("template").path("settings")).remove("index.lifecycle.name");
		// _meta is sent as is: OpenSearch accepts it on composable templates
		EmbeddedOpenSearch.Response put = search.send("PUT", "/_index_template/" + Elk.TEMPLATE_NAME,
				Elk.JSON.writeValueAsString(template), "application/json");
		if (put.status() == 400 && put.body().contains("match_only_text")) {
			template = (ObjectNode) Elk.parse(Elk.JSON.writeValueAsString(template)
				.replace("\"match_only_text\"", "\"text\""));
			matchOnlyTextAdapted = true;
			put = search.send("PUT", "/_index_template/" + Elk.TEMPLATE_NAME, Elk.JSON.writeValueAsString(template),
					"application/json");
		}
		assertThat(put.status()).as("PUT template: %s", put.body()).isEqualTo(200);

		long start = System.nanoTime();
		Set<String> streams = new LinkedHashSet<>();
		StringBuilder bulk = new StringBuilder();
		String ingested = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
		for (JsonNode event : events) {
			ObjectNode document = asLogstashSends(event, ingested);
			String stream = "logs-sightline-" + document.path("data_stream").path("namespace").asText();
			streams.add(stream);
			bulk.append("{\"create\":{\"_index\":\"").append(stream).append("\"}}\n");
			bulk.append(Elk.JSON.writeValueAsString(document)).append('\n');
		}
		assertThat(streams).as("one environment in the demo").hasSize(1);
		dataStream = streams.iterator().next();
		JsonNode result = search.call("POST", "/_bulk?refresh=true", bulk.toString());
		assertThat(result.path("errors").asBoolean())
			.as("bulk errors: %s", firstBulkError(result))
			.isFalse();
		System.out.println("[elk-tests] " + events.size() + " demo log lines ingested into " + dataStream + " in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms" + (matchOnlyTextAdapted ? " (match_only_text → text)" : ""));
	}

	@BeforeEach
	void demoLogsCaptured() {
		assumeTrue(skipped == null, skipped);
	}

	/** What the Logstash pipeline's filter adds: data_stream.*, event.dataset, event.ingested. */
	static ObjectNode asLogstashSends(JsonNode line, String ingested) {
		ObjectNode document = line.deepCopy();
		ObjectNode stream = document.putObject("data_stream");
		stream.put("type", "logs");
		stream.put("dataset", "sightline");
		stream.put("namespace", Elk.namespace(line.path("service.environment").asText(null)));
		ObjectNode event = document.putObject("event");
		event.put("dataset", "sightline");
		event.put("ingested", ingested);
		return document;
	}

	private static String firstBulkError(JsonNode result) {
		for (JsonNode item : result.path("items")) {
			JsonNode error = item.path("create").path("error");
			if (!error.isMissingNode()) {
				return error.toString();
			}
		}
		return "none";
	}

	@AfterAll
	static void stop() throws Exception {
		if (search != null) {
			search.close();
		}
	}

	@Test
	void writesCreateTheDataStreamFromTheTemplate() {
		JsonNode streams = search.call("GET", "/_data_stream/" + dataStream, null).path("data_streams");
		assertThat(streams).hasSize(1);
		assertThat(streams.get(0).path("template").asText()).isEqualTo(Elk.TEMPLATE_NAME);
		assertThat(streams.get(0).path("timestamp_field").path("name").asText()).isEqualTo("@timestamp");
		assertThat(count(dataStream, Kql.toQuery(""))).isEqualTo(events.size());
		// the built-in logs-*-* template in Elasticsearch has priority 100
		assertThat(Elk.indexTemplate().path("priority").asInt()).isGreaterThan(100);
	}

	@Test
	void oneTraceIdFindsTheLinesOfAllFourServices() {
		String traceId = order.path("traceId").asText();
		assertThat(traceId).matches("[0-9a-f]{32}");
		ObjectNode query = Elk.JSON.createObjectNode();
		query.putObject("term").put("trace.id", traceId);
		JsonNode body = searchBody(query, 500);
		Set<String> services = new LinkedHashSet<>();
		for (JsonNode hit : body.path("hits").path("hits")) {
			JsonNode source = hit.path("_source");
			assertThat(source.path("trace.id").asText()).isEqualTo(traceId);
			services.add(source.path("service.name").asText());
		}
		assertThat(services).containsExactlyInAnyOrderElementsOf(DEMO_SERVICES);
		long expected = events.stream().filter((e) -> traceId.equals(e.path("trace.id").asText())).count();
		assertThat(body.path("hits").path("total").path("value").asLong()).isEqualTo(expected);

		// the order id is searchable too, and its lines carry the same trace
		ObjectNode byOrder = Elk.JSON.createObjectNode();
		byOrder.putObject("term").put("labels.order_id", order.path("orderId").asText());
		assertThat(count(dataStream, byOrder)).isPositive();
	}

	@Test
	void levelAndServiceAggregationsHaveSensibleBuckets() {
		ObjectNode request = Elk.JSON.createObjectNode();
		request.put("size", 0);
		ObjectNode aggs = request.putObject("aggs");
		aggs.putObject("levels").putObject("terms").put("field", "log.level");
		aggs.putObject("services").putObject("terms").put("field", "service.name");
		JsonNode result = search.call("POST", "/" + dataStream + "/_search", request).path("aggregations");
		Map<String, Long> levels = buckets(result.path("levels"));
		Map<String, Long> services = buckets(result.path("services"));
		assertThat(levels).containsKey("INFO");
		assertThat(levels.keySet()).allMatch((level) -> Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level));
		assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(DEMO_SERVICES);
		assertThat(services.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
	}

	@Test
	void mappedTypesMatchTheTemplate() {
		JsonNode mappings = search.call("GET", "/" + dataStream + "/_mapping", null);
		JsonNode properties = mappings.elements().next().path("mappings").path("properties");
		Map<String, String> expected = Elk.templateFieldTypes();
		for (Map.Entry<String, String> field : expected.entrySet()) {
			String type = field.getValue();
			if (matchOnlyTextAdapted && "match_only_text".equals(type)) {
				type = "text";
			}
			assertThat(mappedType(properties, field.getKey())).as(field.getKey()).isEqualTo(type);
		}
		assertThat(expected).containsEntry("trace.id", "keyword")
			.containsEntry("@timestamp", "date")
			.containsEntry("service.name", "keyword")
			.containsEntry("log.level", "keyword");
		// dynamic: labels.* → keyword, for the labels the demo really writes
		Set<String> labels = new LinkedHashSet<>();
		events.forEach((e) -> e.fieldNames().forEachRemaining((name) -> {
			if (name.startsWith("labels.")) {
				labels.add(name);
			}
		}));
		assertThat(labels).contains("labels.release_id", "labels.order_id");
		for (String label : labels) {
			assertThat(mappedType(properties, label)).as(label).isEqualTo("keyword");
		}
		// nothing the services write is left to a guessed (text + keyword) mapping
		for (JsonNode event : events) {
			event.fieldNames().forEachRemaining((name) -> assertThat(expected.containsKey(name) || labels.contains(name))
				.as("field %s is mapped by the template", name)
				.isTrue());
		}
	}

	private static final java.util.Set<String> GUARANTEED_HITS = java.util.Set.of("sightline-trace-logs",
			"sightline-saga-events", "sightline-errors-by-service", "sightline-lens-top-error-messages");

	@Test
	void savedSearchesAndVisualizationsQueriesRun() {
		String traceId = order.path("traceId").asText();
		List<String> checked = new ArrayList<>();
		for (JsonNode object : Elk.savedObjects()) {
			String type = object.path("type").asText();
			if (!"search".equals(type) && !"lens".equals(type)) {
				continue;
			}
			// "A trace's logs" ships with the placeholder trace.id: "" that a Grafana/Zipkin link fills in
			String kql = Elk.kql(object).replace("trace.id: \"\"", "trace.id: \"" + traceId + "\"");
			long expected = events.stream().filter((e) -> Kql.matches(kql, e)).count();
			long hits = count(dataStream, Kql.toQuery(kql));
			assertThat(hits).as("%s (%s)", object.path("attributes").path("title").asText(), kql).isEqualTo(expected);
			checked.add(object.path("id").asText() + "=" + hits);
			String id = object.path("id").asText();
			// the demo's injected errors are logged at ERROR, so the error search and lens have hits too
			if (GUARANTEED_HITS.contains(id)) {
				assertThat(hits).as("the demo guarantees hits for %s", id).isPositive();
			}
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(7);
		System.out.println("[elk-tests] saved queries' hits: " + checked);
	}

	@Test
	void lensTermsColumnsAggregate() {
		for (JsonNode object : Elk.savedObjects()) {
			if (!"lens".equals(object.path("type").asText())) {
				continue;
			}
			String kql = Elk.kql(object);
			for (JsonNode layer : object.path("attributes").path("state").path("datasourceStates").path("formBased")
				.path("layers")) {
				for (JsonNode column : layer.path("columns")) {
					ObjectNode request = Elk.JSON.createObjectNode();
					request.put("size", 0);
					request.set("query", Kql.toQuery(kql));
					String operation = column.path("operationType").asText();
					String field = column.path("sourceField").asText();
					if ("terms".equals(operation)) {
						request.putObject("aggs").putObject("a").putObject("terms").put("field", field)
							.put("size", column.path("params").path("size").asInt(10));
					}
					else if ("date_histogram".equals(operation)) {
						request.putObject("aggs").putObject("a").putObject("date_histogram").put("field", field)
							.put("fixed_interval", "1m");
					}
					else {
						continue;
					}
					JsonNode buckets = search.call("POST", "/" + dataStream + "/_search", request)
						.path("aggregations").path("a").path("buckets");
					if (kql.isBlank()) {
						assertThat(buckets).as("%s: %s on %s", object.path("id").asText(), operation, field).isNotEmpty();
					}
				}
			}
		}
	}

	private static JsonNode searchBody(JsonNode query, int size) {
		ObjectNode request = Elk.JSON.createObjectNode();
		request.put("size", size);
		request.put("track_total_hits", true);
		request.set("query", query);
		return search.call("POST", "/" + dataStream + "/_search", request);
	}

	private static long count(String index, JsonNode query) {
		ObjectNode request = Elk.JSON.createObjectNode();
		request.set("query", query);
		return search.call("POST", "/" + index + "/_count", request).path("count").asLong();
	}

	private static Map<String, Long> buckets(JsonNode aggregation) {
		Map<String, Long> buckets = new LinkedHashMap<>();
		for (JsonNode bucket : aggregation.path("buckets")) {
			buckets.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
		}
		return buckets;
	}

	/** The type at a dotted path in a _mapping response (objects and multi-fields). */
	private static String mappedType(JsonNode properties, String path) {
		String[] parts = path.split("\\.");
		JsonNode node = null;
		JsonNode level = properties;
		for (int i = 0; i < parts.length; i++) {
			node = level.path(parts[i]);
			if (node.isMissingNode()) {
				return null;
			}
			level = node.has("properties") ? node.path("properties") : node.path("fields");
		}
		return node.path("type").asText(null);
	}

}
