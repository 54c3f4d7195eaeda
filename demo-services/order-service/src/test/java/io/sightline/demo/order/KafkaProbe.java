package io.sightline.demo.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients with String values: the saga topics as another service sees them, with no
 * Spring and no shared classes, to prove the wire format.
 */
final class KafkaProbe implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final KafkaProducer<String, String> producer;

	private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	KafkaProbe(String bootstrapServers, String... topics) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer());
		this.consumer.subscribe(List.of(topics));
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
	}

	/** Waits for the {@code count}-th record with this key on this topic, and returns all so far. */
	List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			this.consumer.poll(Duration.ofMillis(100)).forEach(this.received::add);
			return matching(topic, key).size() >= count;
		});
		return matching(topic, key);
	}

	ConsumerRecord<String, String> awaitRecord(String topic, String key) {
		return awaitRecords(topic, key, 1).get(0);
	}

	private List<ConsumerRecord<String, String>> matching(String topic, String key) {
		return this.received.stream().filter((r) -> r.topic().equals(topic) && key.equals(r.key())).toList();
	}

	/** Publishes a JSON value, with a {@code traceparent} header when one is given. */
	void send(String topic, String key, String json, String traceParent) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
		if (traceParent != null) {
			record.headers().add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
		}
		this.producer.send(record).get();
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** The trace id of a W3C {@code traceparent}: {@code 00-<trace id>-<span id>-<flags>}. */
	static String traceId(String traceParent) {
		return traceParent.split("-")[1];
	}

	@Override
	public void close() {
		this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
		this.producer.close(Duration.ofSeconds(2));
	}

}
