package io.sightline.demo.order;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.sightline.demo.events.SagaTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga end to end against a real (embedded) broker: this test plays payment- and
 * inventory-service with plain Kafka clients and String JSON, as they would, and forwards the trace
 * context the way they do, in the {@code traceparent} header.
 */
@OrderServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSagaIT {

	private static final String ORDER = """
			{"customerId": "c-7", "lines": [{"sku": "SKU-9", "quantity": 3, "unitPrice": 2.50}]}""";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	Http http;

	KafkaProbe kafka;

	@BeforeAll
	void clients() {
		this.http = new Http(this.port);
		this.kafka = new KafkaProbe(this.broker.getBrokersAsString(), SagaTopics.ORDER_PLACED,
				SagaTopics.ORDER_CANCELLED);
	}

	@BeforeEach
	void listenersAreAssigned() {
		// results sent before the listeners own their partitions would wait for a rebalance
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			ContainerTestUtils.waitForAssignment(container, 3);
		}
	}

	@AfterAll
	void close() {
		this.kafka.close();
	}

	@Test
	void bothResultsPositiveConfirmTheOrderInTheRequestsTrace(CapturedOutput output) throws Exception {
		String id = place();
		ConsumerRecord<String, String> placed = this.kafka.awaitRecord(SagaTopics.ORDER_PLACED, id);
		assertThat(placed.headers().lastHeader("__TypeId__")).isNull();
		JsonNode event = Http.JSON.readTree(placed.value());
		assertThat(event.get("orderId").asString()).isEqualTo(id);
		assertThat(event.get("customerId").asString()).isEqualTo("c-7");
		assertThat(placed.value()).contains("\"amount\":7.50");
		assertThat(event.get("lines").get(0).get("sku").asString()).isEqualTo("SKU-9");
		String traceParent = KafkaProbe.header(placed, "traceparent");
		assertThat(traceParent).as("traceparent of OrderPlaced").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		String traceId = KafkaProbe.traceId(traceParent);

		this.kafka.send(SagaTopics.PAYMENT_RESULTS, id, """
				{"orderId": "%s", "authorized": true, "reason": null}""".formatted(id), traceParent);
		this.kafka.send(SagaTopics.STOCK_RESULTS, id, """
				{"orderId": "%s", "reserved": true}""".formatted(id), traceParent);

		JsonNode order = awaitStatus(id, "CONFIRMED");
		assertThat(order.get("paymentStatus").asString()).isEqualTo("AUTHORIZED");
		assertThat(order.get("stockStatus").asString()).isEqualTo("RESERVED");
		assertThat(order.get("reason").isNull()).isTrue();
		assertThat(traceIdOfLog(output, "order " + id + " PENDING: placed")).isEqualTo(traceId);
		assertThat(traceIdOfLog(output, "order " + id + " CONFIRMED")).isEqualTo(traceId);

		// a late contradicting result is consumed and ignored: a final state stays final
		this.kafka.send(SagaTopics.STOCK_RESULTS, id, """
				{"orderId": "%s", "reserved": false, "reason": "recount"}""".formatted(id), traceParent);
		assertThat(traceIdOfLog(output, "order " + id + " stays CONFIRMED: stock rejected ignored")).isEqualTo(traceId);
		assertThat(this.http.get("/orders/" + id).json().get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void aDeclinedPaymentCancelsAndPublishesTheCompensation(CapturedOutput output) throws Exception {
		double rejected = sagas("rejected");
		double timedOut = sagas("timed_out");
		String id = place();
		String traceParent = KafkaProbe.header(this.kafka.awaitRecord(SagaTopics.ORDER_PLACED, id), "traceparent");
		String traceId = KafkaProbe.traceId(traceParent);

		this.kafka.send(SagaTopics.PAYMENT_RESULTS, id, """
				{"orderId": "%s", "authorized": false, "reason": "amount limit"}""".formatted(id), traceParent);

		assertCancelledAndCompensated(id, "payment declined: amount limit", "DECLINED", traceId);
		assertThat(traceIdOfLog(output, "order " + id + " CANCELLED: payment declined: amount limit"))
			.isEqualTo(traceId);

		// stock reserved after the cancellation: that reservation is released too
		this.kafka.send(SagaTopics.STOCK_RESULTS, id, """
				{"orderId": "%s", "reserved": true}""".formatted(id), traceParent);
		List<ConsumerRecord<String, String>> compensations = this.kafka.awaitRecords(SagaTopics.ORDER_CANCELLED, id, 2);
		assertCancelledEvent(compensations.get(1), id, "payment declined: amount limit");
		assertThat(this.http.get("/orders/" + id).json().get("status").asString()).isEqualTo("CANCELLED");
		// a decline is a correct business outcome, not a saga failure: the SLO's counter tells them apart
		assertThat(sagas("rejected")).isEqualTo(rejected + 1);
		assertThat(sagas("timed_out")).isEqualTo(timedOut);
	}

	private double sagas(String outcome) {
		return this.meters.get("orders.saga.completed").tag("outcome", outcome).counter().count();
	}

	@Test
	void withoutResultsTheTimeoutCancelsInTheSameTrace(CapturedOutput output) throws Exception {
		double timedOut = sagas("timed_out");
		String id = place();
		String traceId = KafkaProbe
			.traceId(KafkaProbe.header(this.kafka.awaitRecord(SagaTopics.ORDER_PLACED, id), "traceparent"));

		assertCancelledAndCompensated(id, "timeout", "PENDING", traceId);
		assertThat(traceIdOfLog(output, "order " + id + " CANCELLED: timeout")).isEqualTo(traceId);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> sagas("timed_out"),
				(count) -> count == timedOut + 1);
	}

	@Test
	void unreadableRecordsAndUnknownOrdersAreSkipped(CapturedOutput output) throws Exception {
		String key = "no-such-order";
		this.kafka.send(SagaTopics.PAYMENT_RESULTS, key, "this is not json", null);
		this.kafka.send(SagaTopics.PAYMENT_RESULTS, key, """
				{"orderId": "%s", "authorized": true}""".formatted(key), null);

		// same key, same partition: the record after the bad one is still consumed
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(output.getOut()).contains("payment authorized for unknown order " + key + " ignored"));
	}

	private String place() throws Exception {
		Http.Response created = this.http.post("/orders", ORDER);
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private JsonNode awaitStatus(String id, String status) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> this.http.get("/orders/" + id).json(),
				(order) -> status.equals(order.get("status").asString()));
	}

	/**
	 * Waits for the order to be CANCELLED for the reason, its stock still pending, and for its
	 * compensation, an OrderCancelled published in the order's trace.
	 */
	private void assertCancelledAndCompensated(String id, String reason, String paymentStatus, String traceId) {
		JsonNode order = awaitStatus(id, "CANCELLED");
		assertThat(order.get("reason").asString()).isEqualTo(reason);
		assertThat(order.get("paymentStatus").asString()).isEqualTo(paymentStatus);
		assertThat(order.get("stockStatus").asString()).isEqualTo("PENDING");
		ConsumerRecord<String, String> cancelled = this.kafka.awaitRecord(SagaTopics.ORDER_CANCELLED, id);
		assertCancelledEvent(cancelled, id, reason);
		assertThat(KafkaProbe.traceId(KafkaProbe.header(cancelled, "traceparent"))).isEqualTo(traceId);
	}

	private static void assertCancelledEvent(ConsumerRecord<String, String> record, String id, String reason) {
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();
		JsonNode event = Http.JSON.readTree(record.value());
		assertThat(event.get("orderId").asString()).isEqualTo(id);
		assertThat(event.get("reason").asString()).isEqualTo(reason);
		assertThat(event.get("lines")).hasSize(1);
		assertThat(event.get("lines").get(0).get("sku").asString()).isEqualTo("SKU-9");
		assertThat(event.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
		assertThat(record.value()).contains("\"unitPrice\":2.50");
	}

	/** The {@code trace.id} of the first ECS JSON log line whose message contains the text; waits for it. */
	private static String traceIdOfLog(CapturedOutput output, String messagePart) {
		Optional<JsonNode> line = await().atMost(Duration.ofSeconds(15)).until(() -> output.getOut()
			.lines()
			.filter((text) -> text.startsWith("{"))
			.map(Http.JSON::readTree)
			.filter((json) -> json.path("message").asString("").contains(messagePart))
			.findFirst(), Optional::isPresent);
		return line.get().path("trace.id").asString(null);
	}

}
