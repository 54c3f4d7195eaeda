package io.sightline.demo.payment.messaging;

import io.sightline.demo.events.SagaTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka plumbing: the topic this service publishes, and how a failing record is retried.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	/** Partitions of the published topic; records are keyed by order id, so one order stays ordered. */
	static final int PARTITIONS = 3;

	@Bean
	NewTopic paymentResultsTopic() {
		return TopicBuilder.name(SagaTopics.PAYMENT_RESULTS).partitions(PARTITIONS).replicas(1).build();
	}

	/**
	 * A few spaced retries ride out a short broker hiccup while publishing; after that the record is
	 * logged and skipped, and the order-service saga times the order out. Records that cannot be
	 * deserialized are skipped at once (not retryable by default).
	 */
	@Bean
	CommonErrorHandler kafkaErrorHandler() {
		return new DefaultErrorHandler(new FixedBackOff(1000L, 3L));
	}

}
