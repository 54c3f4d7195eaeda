package io.sightline.demo.payment;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.sightline.demo.events.OrderLine;
import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.test.AbstractSagaServiceIntegrationTests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against a real (embedded KRaft) broker: OrderPlaced in, PaymentResult out, the
 * decision readable over HTTP, and the decision's log line in the same trace as the published record.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "demo.payment.limit=1000.00")
@EmbeddedKafka(partitions = 3, topics = SagaTopics.ORDER_PLACED,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PaymentServiceIntegrationTests extends AbstractSagaServiceIntegrationTests {

	PaymentServiceIntegrationTests() {
		super("payment-service", SagaTopics.PAYMENT_RESULTS, "PaymentResult");
	}

	@Test
	void authorizesAnOrderAndPublishesTheResultInTheSameTraceAsItsLogLine(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		place(new OrderPlaced(orderId, "c-7", List.of(new OrderLine("SKU-1", 2, new BigDecimal("124.95"))),
				new BigDecimal("249.90")), null);

		ConsumerRecord<String, String> result = awaitResults(orderId, 1).get(0);
		JsonNode value = JSON.readTree(result.value());
		assertThat(value.get("orderId").asString()).isEqualTo(orderId);
		assertThat(value.get("authorized").asBoolean()).isTrue();
		assertThat(value.get("reason").isNull()).isTrue();
		assertThat(result.headers().lastHeader("__TypeId__")).as("type-info headers are off").isNull();

		String traceId = traceIdOf(result);
		assertThat(decisionLogLine(output, orderId).get("trace.id").asString()).isEqualTo(traceId);

		HttpResponse<String> response = get("/payments/" + orderId);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode payment = JSON.readTree(response.body());
		assertThat(payment.get("status").asString()).isEqualTo("AUTHORIZED");
		assertThat(payment.get("authorized").asBoolean()).isTrue();
		assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("249.90");
	}

	@Test
	void declinesAboveTheLimitAndContinuesTheCallersTrace(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		String upstreamTraceId = UUID.randomUUID().toString().replace("-", "");
		String traceparent = "00-" + upstreamTraceId + "-" + upstreamTraceId.substring(0, 16) + "-01";
		place(new OrderPlaced(orderId, "c-8", List.of(new OrderLine("SKU-9", 1, new BigDecimal("1000.01"))),
				new BigDecimal("1000.01")), traceparent);

		ConsumerRecord<String, String> result = awaitResults(orderId, 1).get(0);
		JsonNode value = JSON.readTree(result.value());
		assertThat(value.get("authorized").asBoolean()).isFalse();
		assertThat(value.get("reason").asString()).isEqualTo("amount over limit");
		assertThat(traceIdOf(result)).as("one trace covers the saga").isEqualTo(upstreamTraceId);
		assertThat(decisionLogLine(output, orderId).get("trace.id").asString()).isEqualTo(upstreamTraceId);

		JsonNode payment = JSON.readTree(get("/payments/" + orderId).body());
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("reason").asString()).isEqualTo("amount over limit");
	}

	@Test
	void aRedeliveredOrderGetsTheSameDecisionPublishedAgain(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		OrderPlaced order = new OrderPlaced(orderId, "blocked-99",
				List.of(new OrderLine("SKU-2", 1, new BigDecimal("15.00"))), new BigDecimal("15.00"));
		place(order, null);
		place(order, null);

		List<ConsumerRecord<String, String>> results = awaitResults(orderId, 2);
		assertThat(results).extracting(ConsumerRecord::value)
			.containsOnly("{\"orderId\":\"" + orderId + "\",\"authorized\":false,\"reason\":\"customer blocked\"}");
		assertThat(output.getOut())
			.contains("Payment declined for order " + orderId + ": customer blocked (already decided");
	}

	@Test
	void anUnknownOrderIsNotFound() throws Exception {
		assertThat(get("/payments/" + newOrderId()).statusCode()).isEqualTo(404);
	}

	private void place(OrderPlaced order, String traceparent) throws Exception {
		send(SagaTopics.ORDER_PLACED, order.orderId(), order, traceparent);
	}

	/** The service's JSON log line with its payment decision for this order. */
	private JsonNode decisionLogLine(CapturedOutput output, String orderId) {
		return decisionLogLine(output, orderId, "Payment ");
	}

}
