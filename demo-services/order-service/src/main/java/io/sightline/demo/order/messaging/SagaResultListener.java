package io.sightline.demo.order.messaging;

import io.sightline.demo.events.PaymentResult;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.StockResult;
import io.sightline.demo.order.application.OrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Feeds payment- and inventory-service's decisions into the saga. Each listener runs inside the Kafka
 * consumer span (listener observation, or the agent), so what the saga logs carries the order's trace.
 */
@Component
public class SagaResultListener {

	/** Listener id of the payment results; the consumer group is {@code spring.kafka.consumer.group-id}. */
	public static final String PAYMENT_LISTENER = "order-saga-payment-results";

	/** Listener id of the stock results. */
	public static final String STOCK_LISTENER = "order-saga-stock-results";

	private static final Logger log = LoggerFactory.getLogger(SagaResultListener.class);

	private final OrderService orders;

	/**
	 * @param orders applies the decisions
	 */
	public SagaResultListener(OrderService orders) {
		this.orders = orders;
	}

	/**
	 * @param result payment-service's decision; null for a tombstone
	 */
	@KafkaListener(id = PAYMENT_LISTENER, idIsGroup = false, topics = SagaTopics.PAYMENT_RESULTS)
	public void onPaymentResult(@Payload(required = false) PaymentResult result) {
		if (result == null) {
			log.warn("empty record on {} ignored", SagaTopics.PAYMENT_RESULTS);
			return;
		}
		this.orders.onPaymentResult(result.orderId(), result.authorized(), result.reason());
	}

	/**
	 * @param result inventory-service's decision; null for a tombstone
	 */
	@KafkaListener(id = STOCK_LISTENER, idIsGroup = false, topics = SagaTopics.STOCK_RESULTS)
	public void onStockResult(@Payload(required = false) StockResult result) {
		if (result == null) {
			log.warn("empty record on {} ignored", SagaTopics.STOCK_RESULTS);
			return;
		}
		this.orders.onStockResult(result.orderId(), result.reserved(), result.reason());
	}

}
