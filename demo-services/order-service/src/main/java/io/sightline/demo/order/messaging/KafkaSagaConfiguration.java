package io.sightline.demo.order.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka for the saga: the four topics, created at startup, and the {@link SagaWireFormat} on the
 * producer and consumer factories that Spring Boot builds (so Boot's properties, and the observation
 * that carries the trace context, still apply).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaSagaConfiguration {

	@Bean
	KafkaAdmin.NewTopics sagaTopics(@Value("${demo.kafka.partitions:3}") int partitions,
			@Value("${demo.kafka.replicas:1}") short replicas) {
		return new KafkaAdmin.NewTopics(
				SagaWireFormat.RECORD_TYPES.keySet()
					.stream()
					.sorted()
					.map((topic) -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build())
					.toArray(NewTopic[]::new));
	}

	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer sagaSerializers() {
		return (factory) -> {
			DefaultKafkaProducerFactory<String, Object> typed = (DefaultKafkaProducerFactory<String, Object>) factory;
			typed.setKeySerializerSupplier(StringSerializer::new);
			typed.setValueSerializerSupplier(SagaWireFormat::valueSerializer);
		};
	}

	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaConsumerFactoryCustomizer sagaDeserializers() {
		return (factory) -> {
			DefaultKafkaConsumerFactory<String, Object> typed = (DefaultKafkaConsumerFactory<String, Object>) factory;
			typed.setKeyDeserializerSupplier(StringDeserializer::new);
			typed.setValueDeserializerSupplier(SagaWireFormat::valueDeserializer);
		};
	}

}
