package io.sightline.demo.payment.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sightline.demo.events.PaymentResult;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.payment.domain.PaymentDecision;
import io.sightline.demo.payment.domain.PaymentResultPublisher;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Outbound adapter: a decision becomes a {@link PaymentResult} on {@link SagaTopics#PAYMENT_RESULTS},
 * keyed by order id. The template's observation puts the trace context into the record headers.
 */
@Component
public class KafkaPaymentResultPublisher implements PaymentResultPublisher {

	/** Waiting for the broker's ack keeps delivery at-least-once: no ack, no committed offset. */
	static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<String, Object> template;

	public KafkaPaymentResultPublisher(KafkaTemplate<String, Object> template) {
		this.template = template;
	}

	@Override
	public void publish(PaymentDecision decision) {
		PaymentResult result = new PaymentResult(decision.orderId(), decision.authorized(), decision.reason());
		try {
			this.template.send(SagaTopics.PAYMENT_RESULTS, decision.orderId(), result)
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the payment result of order "
					+ decision.orderId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish the payment result of order " + decision.orderId(),
					ex);
		}
	}

}
