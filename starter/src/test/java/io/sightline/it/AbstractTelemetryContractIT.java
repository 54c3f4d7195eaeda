package io.sightline.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.it.sample.SampleApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ZipkinServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The telemetry contract of one request, against a real Zipkin server: the span carries the identity,
 * the request's log line carries the same trace id, and the OpenMetrics scrape has an exemplar with it.
 * Subclasses run it agentless and with the stock OpenTelemetry javaagent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTelemetryContractIT {

	static final String ENVIRONMENT = "ci";

	/** The fields of a request's log line: the same set with and without the agent. */
	static final Set<String> REQUEST_LOG_FIELDS = Set.of("@timestamp", "log.level", "message", "ecs.version",
			"service.name", "service.version", "service.environment", "service.node.name", "labels.release_id",
			"process.thread.name", "log.logger", "trace.id", "span.id");

	/** The labels of http_server_requests_seconds: the same set with and without the agent. */
	static final Set<String> HTTP_SERVER_LABELS = Set.of("application", "env", "error", "exception", "method",
			"outcome", "status", "uri");

	final String releaseId = "rel-" + UUID.randomUUID().toString().substring(0, 8);

	ZipkinServer zipkin;

	ForkedApp app;

	abstract String serviceName();

	abstract List<String> jvmOptions(ZipkinServer zipkin);

	@BeforeAll
	void start() throws Exception {
		this.zipkin = ZipkinServer.start();
		List<String> args = new ArrayList<>(List.of("--sightline.environment=" + ENVIRONMENT,
				"--sightline.release.id=" + this.releaseId, "--management.tracing.sampling.probability=1.0",
				"--management.tracing.export.zipkin.endpoint=" + this.zipkin.spansEndpoint()));
		this.app = ForkedApp.start(SampleApplication.class.getName(), serviceName(), jvmOptions(this.zipkin), args);
	}

	@AfterAll
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
		if (this.zipkin != null) {
			this.zipkin.close();
		}
	}

	@Test
	void oneRequestIsOneTraceAcrossSpansLogsAndExemplars() throws Exception {
		String orderId = "ord-" + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> response = this.app.get("/orders/" + orderId);
		assertThat(response.statusCode()).isEqualTo(200);

		JsonNode logLine = await().atMost(Duration.ofSeconds(10))
			.until(() -> findLog(orderId + " looked up"), (line) -> line != null);
		String traceId = logLine.path("trace.id").asString(null);
		assertThat(traceId).as("trace.id on the request's log line: %s", logLine).matches("[0-9a-f]{32}");
		assertThat(logLine.path("span.id").asString("")).matches("[0-9a-f]{16}");
		assertThat(logLine.path("service.name").asString()).isEqualTo(serviceName());
		assertThat(logLine.path("service.environment").asString()).isEqualTo(ENVIRONMENT);
		assertThat(logLine.path("labels.release_id").asString()).isEqualTo(this.releaseId);
		assertThat(logLine.path("log.level").asString()).isEqualTo("INFO");
		assertThat(logLine.path("ecs.version").asString()).isNotBlank();
		assertThat(logLine.propertyNames()).as("log line shape").containsExactlyInAnyOrderElementsOf(REQUEST_LOG_FIELDS);

		String traceJson = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.zipkin.trace(traceId), (json) -> json != null && json.contains("SERVER"));
		JsonNode spans = ForkedApp.parse(traceJson);
		List<JsonNode> serverSpans = new ArrayList<>();
		for (JsonNode span : spans) {
			if ("SERVER".equals(span.path("kind").asString())) {
				serverSpans.add(span);
			}
		}
		assertThat(serverSpans).as("server spans of the request's trace: %s", traceJson).hasSize(1);
		// A second tracer would report its own span in a trace of its own: look across every trace of
		// the service, and keep looking for a few seconds, for any other server span of this request.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> serverSpansMentioning(orderId), (count) -> count == 1);
		JsonNode server = serverSpans.get(0);
		assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo(serviceName());
		assertThat(server.path("name").asString()).containsIgnoringCase("/orders/{id}");
		JsonNode tags = server.path("tags");
		assertThat(tags.path("deployment.environment.name").asString()).isEqualTo(ENVIRONMENT);
		assertThat(tags.path("sightline.release.id").asString()).isEqualTo(this.releaseId);
		assertThat(tags.path("service.version").asString()).isEqualTo("1.2.3-it");

		String metrics = this.app.scrapeOpenMetrics();
		Pattern exemplar = Pattern.compile(
				"http_server_requests_seconds_bucket\\{[^}]*uri=\"/orders/\\{id}\"[^}]*} \\S+ # \\{[^}]*trace_id=\"([0-9a-f]+)\"");
		List<String> exemplarTraceIds = new ArrayList<>();
		Matcher matcher = exemplar.matcher(metrics);
		while (matcher.find()) {
			exemplarTraceIds.add(matcher.group(1));
		}
		assertThat(exemplarTraceIds).as("exemplars on /orders/{id} buckets").contains(traceId);
		// OpenMetrics (and Prometheus' parser) allow exemplars on buckets and counters only
		assertThat(metrics).doesNotContainPattern("(?m)^\\w+_count\\{[^}]*} \\S+ # \\{");
		assertThat(metrics).contains("sightline_release_info{").contains("release_id=\"" + this.releaseId + "\"");
		Matcher count = Pattern.compile("http_server_requests_seconds_count\\{([^}]*uri=\"/orders/\\{id}\"[^}]*)}")
			.matcher(metrics);
		assertThat(count.find()).as("http_server_requests_seconds_count for /orders/{id}").isTrue();
		Set<String> labels = new TreeSet<>();
		for (String pair : count.group(1).split(",")) {
			labels.add(pair.substring(0, pair.indexOf('=')));
		}
		assertThat(labels).as("metric shape").containsExactlyInAnyOrderElementsOf(HTTP_SERVER_LABELS);
		// on by default: JVM, process, logback events, the log drop counter
		assertThat(metrics).contains("jvm_memory_used_bytes{")
			.contains("process_cpu_usage{")
			.contains("logback_events_total{")
			.contains("sightline_logging_dropped_total{");
		assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*application=\"" + serviceName()
				+ "\"[^}]*env=\"" + ENVIRONMENT + "\"[^}]*le=\"0.1\"");
	}

	@Test
	void theContainersErrorLineCarriesTheTraceOfItsRequest() throws Exception {
		String orderId = "ord-" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(this.app.get("/fail/" + orderId).statusCode()).isEqualTo(500);

		JsonNode handled = await().atMost(Duration.ofSeconds(10))
			.until(() -> findLog(orderId + " failing"), (line) -> line != null);
		// logged by Tomcat's StandardWrapperValve, after the filters (and Spring's observation) returned
		JsonNode error = await().atMost(Duration.ofSeconds(10))
			.until(() -> findLog("threw exception [Request processing failed: java.lang.IllegalStateException: order "
					+ orderId + " failed]"), (line) -> line != null);
		assertThat(error.path("log.level").asString()).isEqualTo("ERROR");
		assertThat(error.path("log.logger").asString()).startsWith("org.apache.catalina.core.ContainerBase");
		String traceId = handled.path("trace.id").asString(null);
		assertThat(traceId).as("trace.id of the controller's line: %s", handled).matches("[0-9a-f]{32}");
		assertThat(error.path("trace.id").asString(null)).as("trace.id of Tomcat's line: %s", error).isEqualTo(traceId);
		assertThat(error.path("span.id").asString(null)).as("span.id of Tomcat's line: %s", error)
			.isEqualTo(handled.path("span.id").asString(null));

		String traceJson = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.zipkin.trace(traceId), (json) -> json != null && json.contains("SERVER"));
		List<String> serverSpanIds = new ArrayList<>();
		for (JsonNode span : ForkedApp.parse(traceJson)) {
			if ("SERVER".equals(span.path("kind").asString())) {
				serverSpanIds.add(span.path("id").asString());
			}
		}
		assertThat(serverSpanIds).as("the server span of the failed request: %s", traceJson)
			.containsExactly(error.path("span.id").asString());
	}

	/** Server spans of the service, across all its traces, whose JSON mentions the given text. */
	private long serverSpansMentioning(String text) throws Exception {
		long count = 0;
		for (JsonNode trace : ForkedApp.parse(this.zipkin.traces(serviceName()))) {
			for (JsonNode span : trace) {
				if ("SERVER".equals(span.path("kind").asString()) && span.toString().contains(text)) {
					count++;
				}
			}
		}
		return count;
	}

	private JsonNode findLog(String messagePart) throws Exception {
		for (JsonNode line : this.app.jsonLogLines()) {
			if (line.path("message").asString("").contains(messagePart)) {
				return line;
			}
		}
		return null;
	}

}
