package io.sightline.demo.payment.messaging;

import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.SagaListeners;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.payment.domain.PaymentRequest;
import io.sightline.demo.payment.domain.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inbound adapter: every {@link OrderPlaced} asks for a payment decision.
 */
@Component
public class OrderPlacedListener {

	/** Listener container id, for the registry (e.g. pausing the consumer). */
	public static final String ID = "payment-order-placed";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Payments payments;

	public OrderPlacedListener(Payments payments) {
		this.payments = payments;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = SagaTopics.ORDER_PLACED,
			properties = SagaListeners.ORDER_PLACED_VALUE_TYPE)
	void onOrderPlaced(OrderPlaced event) {
		if (!SagaListeners.hasOrderId(event, OrderPlaced.class, OrderPlaced::orderId, log)) {
			return;
		}
		this.payments.handle(new PaymentRequest(event.orderId(), event.customerId(), event.amount()));
	}

}
