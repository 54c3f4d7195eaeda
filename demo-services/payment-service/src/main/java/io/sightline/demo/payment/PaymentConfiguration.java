package io.sightline.demo.payment;

import io.sightline.demo.payment.domain.DecisionStore;
import io.sightline.demo.payment.domain.PaymentPolicy;
import io.sightline.demo.payment.domain.PaymentResultPublisher;
import io.sightline.demo.payment.domain.Payments;
import io.sightline.demo.payment.persistence.InMemoryDecisionStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Spring-free domain to its adapters.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentConfiguration {

	@Bean
	PaymentPolicy paymentPolicy(PaymentProperties properties) {
		return new PaymentPolicy(properties.limit());
	}

	@Bean
	InMemoryDecisionStore decisionStore(PaymentProperties properties) {
		return new InMemoryDecisionStore(properties.storeCapacity());
	}

	@Bean
	Payments payments(PaymentPolicy policy, DecisionStore store, PaymentResultPublisher publisher) {
		return new Payments(policy, store, publisher);
	}

}
