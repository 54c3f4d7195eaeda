package io.sightline.demo.order.messaging;

import java.util.Map;

import io.sightline.demo.events.OrderCancelled;
import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.PaymentResult;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.StockResult;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The saga's wire format, shared by contract (not by code) with payment- and inventory-service.
 *
 * <ul>
 * <li>key: the order id, a UTF-8 string ({@code StringSerializer});</li>
 * <li>value: the event record as a UTF-8 JSON object with the record's component names as fields
 * (money as JSON numbers), written by Spring Kafka's {@link JacksonJsonSerializer} with type-info
 * headers <em>off</em>: no {@code __TypeId__} header is sent;</li>
 * <li>the value's type follows from the topic alone, see {@link #RECORD_TYPES}: a reader sets its
 * {@link JacksonJsonDeserializer} to ignore type headers and to take the type from the topic, or uses
 * a topic's record class as the default type;</li>
 * <li>unknown JSON fields are ignored, so a producer may add fields without breaking readers;</li>
 * <li>headers: the trace context ({@code traceparent}), added by Kafka observation or the agent.</li>
 * </ul>
 */
public final class SagaWireFormat {

	/** The one record type of each saga topic. */
	public static final Map<String, Class<?>> RECORD_TYPES = Map.of(SagaTopics.ORDER_PLACED, OrderPlaced.class,
			SagaTopics.PAYMENT_RESULTS, PaymentResult.class, SagaTopics.STOCK_RESULTS, StockResult.class,
			SagaTopics.ORDER_CANCELLED, OrderCancelled.class);

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private SagaWireFormat() {
	}

	/** A value serializer for any saga event: JSON, no type-info headers. */
	public static Serializer<Object> valueSerializer() {
		return new JacksonJsonSerializer<>(MAPPER).noTypeInfo();
	}

	/**
	 * A value deserializer for any saga topic: JSON typed by the topic. A record that cannot be read is
	 * handed to the container's error handler (logged and skipped) instead of blocking the partition.
	 */
	public static Deserializer<Object> valueDeserializer() {
		JacksonJsonDeserializer<Object> json = new JacksonJsonDeserializer<>(MAPPER).ignoreTypeHeaders()
			.typeResolver(SagaWireFormat::typeOf);
		return new ErrorHandlingDeserializer<>(json);
	}

	/**
	 * The record type of a topic.
	 * @param topic a saga topic
	 * @param data the value (unused: the topic decides)
	 * @param headers the record headers (unused: type-info headers are off)
	 * @return the Jackson type of the topic's record
	 * @throws IllegalArgumentException for a topic that is not part of the saga
	 */
	public static JavaType typeOf(String topic, byte[] data, Headers headers) {
		Class<?> type = RECORD_TYPES.get(topic);
		if (type == null) {
			throw new IllegalArgumentException("No saga record type for topic '" + topic + "'");
		}
		return MAPPER.constructType(type);
	}

}
