package io.sightline.demo.order.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.sightline.demo.events.OrderCancelled;
import io.sightline.demo.events.OrderLine;
import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.PaymentResult;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.StockResult;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire contract with payment- and inventory-service, byte for byte. */
class SagaWireFormatTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesPlainJsonWithoutTypeHeaders() {
		RecordHeaders headers = new RecordHeaders();
		OrderPlaced placed = new OrderPlaced("o-1", "c-1",
				List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.90"))), new BigDecimal("39.80"));
		try (Serializer<Object> serializer = SagaWireFormat.valueSerializer()) {
			byte[] value = serializer.serialize(SagaTopics.ORDER_PLACED, headers, placed);

			assertThat(headers.toArray()).isEmpty();
			String text = new String(value, StandardCharsets.UTF_8);
			// money stays exact on the wire: plain JSON numbers with their scale
			assertThat(text).contains("\"amount\":39.80").contains("\"unitPrice\":19.90");
			JsonNode json = JSON.readTree(text);
			assertThat(json.propertyNames()).containsExactly("orderId", "customerId", "lines", "amount");
			assertThat(json.get("amount").isNumber()).isTrue();
			assertThat(json.get("lines").get(0).get("sku").asString()).isEqualTo("SKU-1");
			assertThat(json.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		}
	}

	@Test
	void readsEachTopicAsItsOwnRecordTypeWhateverTheHeadersSay() {
		RecordHeaders misleading = new RecordHeaders();
		misleading.add("__TypeId__", "com.example.Unknown".getBytes(StandardCharsets.UTF_8));
		try (Deserializer<Object> deserializer = SagaWireFormat.valueDeserializer()) {
			assertThat(deserializer.deserialize(SagaTopics.PAYMENT_RESULTS, misleading,
					bytes("{\"orderId\":\"o-1\",\"authorized\":false,\"reason\":\"amount limit\"}")))
				.isEqualTo(new PaymentResult("o-1", false, "amount limit"));
			assertThat(deserializer.deserialize(SagaTopics.STOCK_RESULTS, new RecordHeaders(),
					bytes("{\"orderId\":\"o-1\",\"reserved\":true,\"reason\":null}")))
				.isEqualTo(new StockResult("o-1", true, null));
			assertThat(deserializer.deserialize(SagaTopics.ORDER_CANCELLED, new RecordHeaders(),
					bytes("{\"orderId\":\"o-1\",\"reason\":\"timeout\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":0.50}]}")))
				.isEqualTo(new OrderCancelled("o-1", "timeout", List.of(new OrderLine("A", 1, new BigDecimal("0.50")))));
		}
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		try (Deserializer<Object> deserializer = SagaWireFormat.valueDeserializer()) {
			assertThat(deserializer.deserialize(SagaTopics.STOCK_RESULTS, new RecordHeaders(),
					bytes("{\"orderId\":\"o-1\",\"reserved\":true,\"warehouse\":\"north\"}")))
				.isEqualTo(new StockResult("o-1", true, null));
		}
	}

	@Test
	void anUnreadableRecordBecomesNullWithTheErrorInAHeaderInsteadOfAnException() {
		RecordHeaders headers = new RecordHeaders();
		try (Deserializer<Object> deserializer = SagaWireFormat.valueDeserializer()) {
			assertThat(deserializer.deserialize(SagaTopics.PAYMENT_RESULTS, headers, bytes("not json"))).isNull();
			// the container's error handler finds the failure there, and logs and skips the record
			assertThat(headers.toArray()).hasSize(1);
		}
	}

	@Test
	void roundTripsEveryTopic() {
		List<Object> events = List.of(
				new OrderPlaced("o-1", "c-1", List.of(new OrderLine("A", 3, new BigDecimal("1.25"))),
						new BigDecimal("3.75")),
				new PaymentResult("o-1", true, null), new StockResult("o-1", false, "out of stock"),
				new OrderCancelled("o-1", "stock rejected: out of stock",
						List.of(new OrderLine("A", 3, new BigDecimal("1.25")))));
		try (Serializer<Object> serializer = SagaWireFormat.valueSerializer();
				Deserializer<Object> deserializer = SagaWireFormat.valueDeserializer()) {
			for (Object event : events) {
				String topic = SagaWireFormat.RECORD_TYPES.entrySet()
					.stream()
					.filter((entry) -> entry.getValue() == event.getClass())
					.findFirst()
					.orElseThrow()
					.getKey();
				RecordHeaders headers = new RecordHeaders();
				assertThat(deserializer.deserialize(topic, headers, serializer.serialize(topic, headers, event)))
					.isEqualTo(event);
			}
		}
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
