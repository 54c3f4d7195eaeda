package io.sightline.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.sightline.it.support.ItTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo started through the launcher's own code, on free ports. Subclasses choose agent or
 * agentless; each class launches the demo once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDemoIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Prometheus' scrape and evaluation interval, and the services' in-process SLO sample interval. */
	static final Duration SCRAPE = Duration.ofSeconds(2);

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Demo demo;

	/** Launch to every service ready, as the README's budget counts it. */
	Duration startup;

	abstract boolean agent();

	/** Where the services ship their log lines over TCP; 0: nowhere. */
	int logstashPort() {
		return 0;
	}

	@BeforeAll
	void startDemo() throws Exception {
		Path lib = Path.of(System.getProperty("demo.lib", "target/demo-lib"));
		Path runDir = Files.createTempDirectory("sightline-demo-" + (agent() ? "agent" : "agentless") + "-");
		int base = freeBlock();
		// the repo's own prometheus/ configs, with fast intervals so alerts fire within a test's patience
		DemoConfig config = new DemoConfig(lib, runDir, agent(), base, 10, freePort(), freePort(),
				freePort(), freePort(), freePort(), freePort(),
				Path.of(System.getProperty("demo.prometheus", "../../prometheus")), SCRAPE, logstashPort());
		long start = System.nanoTime();
		this.demo = Demo.start(config);
		this.startup = Duration.ofNanos(System.nanoTime() - start);
	}

	@AfterAll
	void stopDemo() {
		if (this.demo != null) {
			this.demo.close();
		}
	}

	/**
	 * The service map from metrics alone. The server side of every HTTP call and consumed
	 * message records an edge whose client comes from the caller's baggage; no trace backend involved.
	 */
	@org.junit.jupiter.api.Test
	@org.junit.jupiter.api.Order(2)
	void theServiceMapEdgesComeFromMetricsAlone() throws Exception {
		JsonNode item = itemWithStock(1);
		String orderId = placeOrder("c-map", item.path("sku").asString(), 1);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(orderId), "CONFIRMED"::equals);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(edges(DemoService.ORDER)).contains("gateway->order-service http failed=false");
			assertThat(edges(DemoService.PAYMENT)).contains("order-service->payment-service messaging failed=false");
			assertThat(edges(DemoService.INVENTORY)).contains("order-service->inventory-service messaging failed=false");
		});
		// a failing downstream raises its edge's failed series
		String faults = this.demo.managementUrl(DemoService.INVENTORY) + "/actuator/faults";
		assertThat(send("POST", faults, "{\"errorRatePercent\":100}").statusCode()).isEqualTo(200);
		try {
			get(this.demo.url(DemoService.GATEWAY) + "/api/catalog");
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(edges(DemoService.INVENTORY)).contains("gateway->inventory-service http failed=true"));
		}
		finally {
			assertThat(send("DELETE", faults, null).statusCode()).isEqualTo(200);
		}
	}

	/** The service-graph edges a service recorded as the server, as {@code client->server type failed=x}. */
	Set<String> edges(DemoService server) throws IOException, InterruptedException {
		String metrics = get(this.demo.managementUrl(server) + "/actuator/prometheus").body();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("(?m)^sightline_service_graph_requests_total\\{([^}]*)} (\\S+)").matcher(metrics);
		Set<String> edges = new HashSet<>();
		while (matcher.find()) {
			if (Double.parseDouble(matcher.group(2)) > 0) {
				String labels = matcher.group(1);
				edges.add(label(labels, "client") + "->" + label(labels, "server") + " " + label(labels, "connection_type")
						+ " failed=" + label(labels, "failed"));
			}
		}
		return edges;
	}

	private static String label(String labels, String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * Exemplars end to end. Prometheus stores the trace ids of the latency buckets, and those
	 * traces are in Zipkin.
	 */
	@org.junit.jupiter.api.Test
	@org.junit.jupiter.api.Order(2)
	void latencyExemplarsLeadToTracesInZipkin() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		DashboardQueries queries = new DashboardQueries(this.demo.prometheusUrl(), SCRAPE);
		for (int i = 0; i < 5; i++) {
			get(this.demo.url(DemoService.GATEWAY) + "/api/catalog");
		}
		Set<String> traceIds = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> queries.exemplarTraceIds("http_server_requests_seconds_bucket{application=\"gateway\"}",
					Duration.ofMinutes(10)), (ids) -> !ids.isEmpty());
		long inZipkin = 0;
		for (String traceId : traceIds) {
			String trace = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.demo.zipkin().trace(traceId), java.util.Objects::nonNull);
			inZipkin += (trace != null) ? 1 : 0;
			if (inZipkin >= 3) {
				break;
			}
		}
		System.out.printf("Exemplars (%s): %d trace ids on the gateway's latency buckets, checked %d in Zipkin%n",
				agent() ? "agent" : "agentless", traceIds.size(), inZipkin);
		assertThat(inZipkin).isPositive();
	}

	/**
	 * The widely used "JVM (Micrometer)" community dashboard (grafana.com 4701) selects by
	 * application and instance; its heap, GC and thread query shapes return data from the demo.
	 */
	@org.junit.jupiter.api.Test
	@org.junit.jupiter.api.Order(2)
	void communityJvmDashboardQueriesHaveData() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		DashboardQueries queries = new DashboardQueries(this.demo.prometheusUrl(), SCRAPE);
		List<String> applications = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> queries.labelValues("label_values(application)"), (values) -> values.contains("gateway"));
		String instance = queries.labelValues("label_values(jvm_memory_used_bytes{application=\"gateway\"}, instance)").get(0);
		String selector = "application=\"gateway\", instance=\"" + instance + "\"";
		List<String> shapes = List.of(
				"sum(jvm_memory_used_bytes{" + selector + ", area=\"heap\"})*100/sum(jvm_memory_max_bytes{" + selector + ", area=\"heap\"})",
				"sum(jvm_memory_used_bytes{" + selector + ", area=\"nonheap\"})",
				"jvm_memory_used_bytes{" + selector + ", id=~\".*Eden.*|.*Old.*|.*Tenured.*\"}",
				"irate(jvm_gc_pause_seconds_count{" + selector + "}[1m])",
				"irate(jvm_gc_pause_seconds_sum{" + selector + "}[1m])",
				"jvm_gc_memory_allocated_bytes_total{" + selector + "}",
				"jvm_threads_live_threads{" + selector + "}", "jvm_threads_daemon_threads{" + selector + "}",
				"jvm_threads_peak_threads{" + selector + "}", "jvm_threads_states_threads{" + selector + "}",
				"process_cpu_usage{" + selector + "}", "system_cpu_usage{" + selector + "}",
				"process_uptime_seconds{" + selector + "}", "jvm_classes_loaded_classes{" + selector + "}",
				"process_files_open_files{" + selector + "}", "jvm_buffer_memory_used_bytes{" + selector + "}");
		List<String> empty = new java.util.ArrayList<>();
		for (String shape : shapes) {
			DashboardQueries.Result result = queries.run(shape, false, Duration.ofMinutes(5));
			if (result.series() <= 0) {
				empty.add(shape + " → " + ((result.error() != null) ? result.error() : "no series"));
			}
		}
		assertThat(applications).contains("gateway", "order-service", "payment-service", "inventory-service");
		assertThat(empty).as("community JVM dashboard queries without data").isEmpty();
	}

	/** Four consecutive ports for the services, and four more (at +10) for their management. */
	static int freeBlock() {
		return ItTools.freeBlock(14);
	}

	static int freePort() {
		return ItTools.freePort();
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A sku with at least this much stock, from the BFF's catalog. */
	JsonNode itemWithStock(int quantity) throws Exception {
		for (JsonNode item : JSON.readTree(get(this.demo.url(DemoService.GATEWAY) + "/api/catalog").body())) {
			if (item.path("available").asInt() >= quantity) {
				return item;
			}
		}
		throw new AssertionError("no catalog item with " + quantity + " in stock");
	}

	String placeOrder(String customerId, String sku, int quantity) throws Exception {
		HttpResponse<String> response = send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
				"{\"customerId\":\"" + customerId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
						+ "}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).path("id").asString();
	}

	String orderStatus(String orderId) throws Exception {
		HttpResponse<String> response = get(this.demo.url(DemoService.GATEWAY) + "/api/orders/" + orderId);
		return (response.statusCode() == 200) ? JSON.readTree(response.body()).path("order").path("status").asString()
				: "HTTP " + response.statusCode();
	}

	/** JSON log lines of a service that mention the text. */
	List<JsonNode> logLines(DemoService service, String text) throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(this.demo.logFile(service), StandardCharsets.UTF_8)) {
			if (line.startsWith("{") && line.contains(text)) {
				lines.add(JSON.readTree(line));
			}
		}
		return lines;
	}

	/**
	 * Waits for Zipkin to hold the trace with spans of at least four services, Kafka producer and consumer
	 * spans among them, and asserts that those are the demo's four services.
	 */
	void awaitTraceAcrossAllFourServices(String traceId) {
		JsonNode trace = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				String json = this.demo.zipkin().trace(traceId);
				return (json != null) ? JSON.readTree(json) : null;
			}, (t) -> t != null && serviceNames(t).size() >= 4 && kinds(t).containsAll(List.of("PRODUCER", "CONSUMER")));
		assertThat(serviceNames(trace)).contains("gateway", "order-service", "payment-service", "inventory-service");
	}

	/** The service names of a Zipkin trace's spans, and whether it has Kafka producer and consumer spans. */
	static Set<String> serviceNames(JsonNode trace) {
		Set<String> names = new HashSet<>();
		for (JsonNode span : trace) {
			names.add(span.path("localEndpoint").path("serviceName").asString(""));
		}
		return names;
	}

	static Set<String> kinds(JsonNode trace) {
		Set<String> kinds = new HashSet<>();
		for (JsonNode span : trace) {
			kinds.add(span.path("kind").asString(""));
		}
		return kinds;
	}

}
