package io.sightline.demo.inventory.messaging;

import java.util.List;

import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.SagaListeners;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.inventory.domain.ReservationLine;
import io.sightline.demo.inventory.domain.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inbound adapter: every {@link OrderPlaced} asks for its stock to be reserved.
 */
@Component
public class OrderPlacedListener {

	/** Listener container id, for the registry (e.g. pausing the consumer). */
	public static final String ID = "inventory-order-placed";

	private static final Logger log = LoggerFactory.getLogger(OrderPlacedListener.class);

	private final Reservations reservations;

	public OrderPlacedListener(Reservations reservations) {
		this.reservations = reservations;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = SagaTopics.ORDER_PLACED,
			properties = SagaListeners.ORDER_PLACED_VALUE_TYPE)
	void onOrderPlaced(OrderPlaced event) {
		if (!SagaListeners.hasOrderId(event, OrderPlaced.class, OrderPlaced::orderId, log)) {
			return;
		}
		List<ReservationLine> lines = (event.lines() != null) ? event.lines()
			.stream()
			.map((line) -> (line != null) ? new ReservationLine(line.sku(), line.quantity()) : null)
			.toList() : List.of();
		this.reservations.reserve(event.orderId(), lines);
	}

}
