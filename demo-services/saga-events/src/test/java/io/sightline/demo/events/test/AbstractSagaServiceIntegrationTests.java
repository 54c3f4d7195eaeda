package io.sightline.demo.events.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga service's integration tests: the whole service, started by the subclass's
 * {@code @SpringBootTest} on a random port against its {@code @EmbeddedKafka} broker, spoken to as the
 * other services would, with no Zipkin to report to. Each test gets a {@link SagaTestClient} reading the
 * service's result topic from its beginning; the service's HTTP API and its JSON log lines (captured
 * output) are read here too.
 */
@TestPropertySource(properties = { "management.tracing.export.zipkin.enabled=false",
		// the embedded broker shares this JVM's logging: keep its chatter out of the test output
		"logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN" })
// Closes the context, and the broker in it, before the JVM's exit hooks delete the broker's log dirs.
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractSagaServiceIntegrationTests {

	/** How long a test waits for the service's results. */
	protected static final Duration WAIT = Duration.ofSeconds(30);

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String serviceName;

	private final String resultTopic;

	private final String resultType;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@LocalServerPort
	private int port;

	private SagaTestClient client;

	/**
	 * @param serviceName the service's {@code service.name} in its log lines
	 * @param resultTopic the topic the service publishes its results on
	 * @param resultType the result record's name, for assertion messages
	 */
	protected AbstractSagaServiceIntegrationTests(String serviceName, String resultTopic, String resultType) {
		this.serviceName = serviceName;
		this.resultTopic = resultTopic;
		this.resultType = resultType;
	}

	@BeforeEach
	protected void connect() {
		this.client = new SagaTestClient(this.broker.getBrokersAsString(), this.resultTopic);
	}

	@AfterEach
	protected void disconnect() {
		this.client.close();
	}

	/** Publishes one event keyed by order id, with a {@code traceparent} header when one is given. */
	protected void send(String topic, String orderId, Object event, String traceparent) throws Exception {
		this.client.send(topic, orderId, event, traceparent);
	}

	/** Exactly {@code count} results of one order, failing the test when fewer arrive in time. */
	protected List<ConsumerRecord<String, String>> awaitResults(String orderId, int count) {
		List<ConsumerRecord<String, String>> found = this.client.awaitResults(orderId, count, WAIT);
		assertThat(found).as("%ss for %s", this.resultType, orderId).hasSize(count);
		return found;
	}

	/**
	 * The service's one JSON log line with its decision for this order, at INFO.
	 * @param output the captured output
	 * @param orderId the order, as the line's {@code labels.order_id}
	 * @param messagePrefix how the decision's message starts
	 * @return the log line
	 */
	protected JsonNode decisionLogLine(CapturedOutput output, String orderId, String messagePrefix) {
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(orderId))
			.map(JSON::readTree)
			.filter((line) -> orderId.equals(line.path("labels.order_id").asString(null))
					&& line.path("message").asString("").startsWith(messagePrefix))
			.toList();
		assertThat(lines).as("decision log lines for %s", orderId).hasSize(1);
		JsonNode line = lines.get(0);
		assertThat(line.path("log.level").asString()).isEqualTo("INFO");
		assertThat(line.path("service.name").asString()).isEqualTo(this.serviceName);
		return line;
	}

	/** A GET of one of the service's paths. */
	protected HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	protected static String traceIdOf(ConsumerRecord<String, String> record) {
		return SagaTestClient.traceIdOf(record);
	}

	protected static String newOrderId() {
		return "o-" + UUID.randomUUID();
	}

}
