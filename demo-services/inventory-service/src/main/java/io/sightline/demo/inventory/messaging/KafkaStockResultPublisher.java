package io.sightline.demo.inventory.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.StockResult;
import io.sightline.demo.inventory.domain.StockDecision;
import io.sightline.demo.inventory.domain.StockResultPublisher;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Outbound adapter: a decision becomes a {@link StockResult} on {@link SagaTopics#STOCK_RESULTS}, keyed
 * by order id. The template's observation puts the trace context into the record headers.
 */
@Component
public class KafkaStockResultPublisher implements StockResultPublisher {

	/** Waiting for the broker's ack keeps delivery at-least-once: no ack, no committed offset. */
	static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaTemplate<String, Object> template;

	public KafkaStockResultPublisher(KafkaTemplate<String, Object> template) {
		this.template = template;
	}

	@Override
	public void publish(StockDecision decision) {
		StockResult result = new StockResult(decision.orderId(), decision.reserved(), decision.reason());
		try {
			this.template.send(SagaTopics.STOCK_RESULTS, decision.orderId(), result)
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing the stock result of order "
					+ decision.orderId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish the stock result of order " + decision.orderId(), ex);
		}
	}

}
