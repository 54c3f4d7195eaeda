package io.sightline.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.sightline.it.servicegraph.ServiceGraphApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ItTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agent mode: the stock OpenTelemetry javaagent 2.31.1 owns the context and propagates W3C baggage
 * over HTTP and Kafka; the starter reads and sets the caller through the OpenTelemetry API. The same
 * edges as agentless, read from the app's /actuator/prometheus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceGraphAgentIT {

	static final String APP = "graph-agent";

	/** The embedded broker runs in this JVM: keep its INFO lines (config dumps) out of the build log. */
	private static final List<String> QUIET_LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger");

	private final Map<String, Level> previousLevels = new HashMap<>();

	private EmbeddedKafkaKraftBroker kafka;

	private ForkedApp app;

	@BeforeAll
	void start() throws Exception {
		for (String name : QUIET_LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(Level.WARN);
		}
		this.kafka = new EmbeddedKafkaKraftBroker(1, 1, ServiceGraphApplication.TOPIC);
		this.kafka.afterPropertiesSet();
		List<String> agent = List.of("-javaagent:" + ItTools.agentJar(), "-Dotel.traces.exporter=none",
				"-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none", "-Dotel.javaagent.logging=simple");
		this.app = ForkedApp.start(ServiceGraphApplication.class.getName(), APP, agent,
				List.of("--servicegraph.kafka.enabled=true", "--spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
						"--spring.kafka.consumer.auto-offset-reset=earliest",
						// as the demo services set them (the agent does the propagation either way)
						"--spring.kafka.template.observation-enabled=true",
						"--spring.kafka.listener.observation-enabled=true", "--logging.level.org.apache.kafka=warn",
						"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans"));
	}

	@AfterAll
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
		if (this.kafka != null) {
			this.kafka.destroy();
		}
		this.previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
	}

	@Test
	void httpEdgesFollowTheBaggageTheAgentPropagates() throws Exception {
		String before = this.app.get("/actuator/prometheus").body();
		assertThat(this.app.get("/front").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/front", Map.of("baggage", "sightline.caller=upstream-svc,other=1")).statusCode())
			.isEqualTo(200);
		assertThat(this.app.get("/front?backStatus=500").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/boom").statusCode()).isEqualTo(500);
		assertThat(this.app.get("/back", Map.of("baggage", "sightline.caller=%3Cscript%3E")).statusCode())
			.isEqualTo(200);
		// the edge is recorded as the filter chain returns, which may be after the response was flushed
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			String scrape = this.app.get("/actuator/prometheus").body();
			// both /front calls without baggage, and /back with a hostile caller; /boom failed
			assertThat(requests(scrape, "unknown", "http", "false") - requests(before, "unknown", "http", "false"))
				.isEqualTo(3);
			assertThat(requests(scrape, "unknown", "http", "true") - requests(before, "unknown", "http", "true"))
				.isEqualTo(1);
			assertThat(requests(scrape, "upstream-svc", "http", "false")
					- requests(before, "upstream-svc", "http", "false")).isEqualTo(1);
			// /back called by /front: this service, never upstream-svc
			assertThat(requests(scrape, APP, "http", "false") - requests(before, APP, "http", "false")).isEqualTo(2);
			assertThat(requests(scrape, APP, "http", "true") - requests(before, APP, "http", "true")).isEqualTo(1);
		});
		String scrape = this.app.get("/actuator/prometheus").body();
		assertThat(scrape).containsPattern("sightline_service_graph_request_duration_seconds_bucket\\{[^}]*client=\""
				+ APP + "\"[^}]*le=\"0.1\"");
		assertThat(scrape).doesNotContain("client=\"<script>\"");
	}

	@Test
	void messagingEdgesCarryThisServiceAsCaller() throws Exception {
		String inRequest = "agent-in-request-" + UUID.randomUUID();
		String detached = "agent-detached-" + UUID.randomUUID();
		assertThat(this.app.get("/produce?payload=" + inRequest, Map.of("baggage", "sightline.caller=upstream-svc"))
			.statusCode()).isEqualTo(200);
		assertThat(this.app.get("/produce-detached?payload=" + detached).statusCode()).isEqualTo(200);
		assertThat(this.app.get("/produce?payload=fail-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
		String external = "agent-external-" + UUID.randomUUID();
		ServiceGraphApplication.publishAs(this.kafka.getBrokersAsString(), external, "billing-svc");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			String scrape = this.app.get("/actuator/prometheus").body();
			assertThat(requests(scrape, APP, "messaging", "false")).isGreaterThanOrEqualTo(2);
			assertThat(requests(scrape, APP, "messaging", "true")).isGreaterThanOrEqualTo(1);
			assertThat(requests(scrape, "billing-svc", "messaging", "false")).isEqualTo(1);
		});
		String scrape = this.app.get("/actuator/prometheus").body();
		assertThat(requests(scrape, "unknown", "messaging", "false")).isZero();
		assertThat(requests(scrape, "upstream-svc", "messaging", "false")).isZero();
		JsonNode consumed = ForkedApp.parse(this.app.get("/consumed?payload=" + inRequest).body());
		assertThat(consumed.path("baggage").asString()).contains("sightline.caller=" + APP).doesNotContain("upstream-svc");
		// the agent extracted billing-svc from the record; the listener ran with this service as caller
		JsonNode fromOther = ForkedApp.parse(this.app.get("/consumed?payload=" + external).body());
		assertThat(fromOther.path("callerInListener").asString()).isEqualTo(APP);
	}

	/** The value of sightline_service_graph_requests_total for one edge of this service (0 if absent). */
	static double requests(String scrape, String client, String type, String failed) {
		Pattern line = Pattern.compile("(?m)^sightline_service_graph_requests_total\\{([^}]*)} (\\S+)");
		Matcher matcher = line.matcher(scrape);
		double total = 0;
		while (matcher.find()) {
			String labels = matcher.group(1);
			if (labels.contains("client=\"" + client + "\"") && labels.contains("connection_type=\"" + type + "\"")
					&& labels.contains("failed=\"" + failed + "\"") && labels.contains("server=\"" + APP + "\"")) {
				total += Double.parseDouble(matcher.group(2));
			}
		}
		return total;
	}

}
