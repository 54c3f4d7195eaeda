package io.sightline.demo.inventory.messaging;

import io.sightline.demo.events.OrderCancelled;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.inventory.domain.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inbound adapter: the saga's compensation. A cancelled order's reservation is released; the lines
 * carried by the event are not trusted for that, the stored reservation is.
 */
@Component
public class OrderCancelledListener {

	/** Listener container id, for the registry (e.g. pausing the consumer). */
	public static final String ID = "inventory-order-cancelled";

	private static final Logger log = LoggerFactory.getLogger(OrderCancelledListener.class);

	private final Reservations reservations;

	public OrderCancelledListener(Reservations reservations) {
		this.reservations = reservations;
	}

	// Type-info headers are off on the wire, so this container maps its topic to its one record type.
	@KafkaListener(id = ID, idIsGroup = false, topics = SagaTopics.ORDER_CANCELLED,
			properties = "spring.json.value.default.type=io.sightline.demo.events.OrderCancelled")
	void onOrderCancelled(OrderCancelled event) {
		if (event == null || event.orderId() == null || event.orderId().isBlank()) {
			log.warn("Ignoring an OrderCancelled without an order id: {}", event);
			return;
		}
		this.reservations.release(event.orderId(), event.reason());
	}

}
