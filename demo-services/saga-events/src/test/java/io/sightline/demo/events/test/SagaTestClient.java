package io.sightline.demo.events.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The saga's wire format as a plain client writes and reads it, for the services' integration tests:
 * JSON values without type headers, order ids as keys, results read back as text from one topic.
 */
public final class SagaTestClient implements AutoCloseable {

	private final KafkaProducer<String, Object> producer;

	private final KafkaConsumer<String, String> consumer;

	/**
	 * @param bootstrapServers the broker
	 * @param resultTopic the topic whose records {@link #awaitResults} reads, from its beginning
	 */
	public SagaTestClient(String bootstrapServers, String resultTopic) {
		Map<String, Object> producerConfig = new HashMap<>();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class);
		producerConfig.put(JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false);
		this.producer = new KafkaProducer<>(producerConfig);
		// values read as text: the test sees exactly what the consuming service will parse
		Map<String, Object> consumerConfig = new HashMap<>();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumer = new KafkaConsumer<>(consumerConfig);
		// assign() rather than a group: no rebalance to wait for
		List<TopicPartition> partitions = this.consumer.partitionsFor(resultTopic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Publishes one event keyed by order id, with a {@code traceparent} header when one is given. */
	public void send(String topic, String orderId, Object event, String traceparent) throws Exception {
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, orderId, event);
		if (traceparent != null) {
			record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
		}
		this.producer.send(record).get(10, TimeUnit.SECONDS);
	}

	/** The result records of one order, once {@code count} have arrived or the wait is over. */
	public List<ConsumerRecord<String, String>> awaitResults(String orderId, int count, Duration wait) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		long deadline = System.nanoTime() + wait.toNanos();
		while (found.size() < count && System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (orderId.equals(record.key())) {
					found.add(record);
				}
			}
		}
		return found;
	}

	/** The trace id of the W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). */
	public static String traceIdOf(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader("traceparent");
		if (header == null) {
			throw new AssertionError("no traceparent header on the record of " + record.key());
		}
		String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
		if (parts.length != 4) {
			throw new AssertionError("malformed traceparent " + new String(header.value(), StandardCharsets.UTF_8));
		}
		return parts[1];
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.consumer.close(Duration.ofSeconds(5));
	}

}
