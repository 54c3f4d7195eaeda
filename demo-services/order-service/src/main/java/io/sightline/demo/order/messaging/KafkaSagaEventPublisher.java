package io.sightline.demo.order.messaging;

import java.util.List;

import io.sightline.demo.events.OrderCancelled;
import io.sightline.demo.events.OrderLine;
import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.order.application.SagaEventPublisher;
import io.sightline.demo.order.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link OrderPlaced} and {@link OrderCancelled}, keyed by order id so that one order's
 * events stay in order on one partition. The template's observation puts the current trace context in
 * the record headers.
 */
@Component
public class KafkaSagaEventPublisher implements SagaEventPublisher {

	private static final Logger log = LoggerFactory.getLogger(KafkaSagaEventPublisher.class);

	private final KafkaTemplate<String, Object> kafka;

	/**
	 * @param kafka the template, with the {@link SagaWireFormat} serializers
	 */
	public KafkaSagaEventPublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public void orderPlaced(Order order) {
		send(SagaTopics.ORDER_PLACED, order.id(),
				new OrderPlaced(order.id(), order.customerId(), lines(order), order.amount()));
	}

	@Override
	public void orderCancelled(Order order) {
		send(SagaTopics.ORDER_CANCELLED, order.id(), new OrderCancelled(order.id(), order.reason(), lines(order)));
	}

	private void send(String topic, String orderId, Object event) {
		try {
			this.kafka.send(topic, orderId, event).whenComplete((result, ex) -> {
				if (ex != null) {
					log.atError().addKeyValue("order_id", orderId).setCause(ex)
						.log("{} for order {} not published", event.getClass().getSimpleName(), orderId);
				}
			});
		}
		catch (RuntimeException ex) {
			// the order is committed already: the saga timeout ends it, the caller must not fail
			log.atError().addKeyValue("order_id", orderId).setCause(ex)
				.log("{} for order {} not published", event.getClass().getSimpleName(), orderId);
		}
	}

	private static List<OrderLine> lines(Order order) {
		return order.lines().stream().map((line) -> new OrderLine(line.sku(), line.quantity(), line.unitPrice())).toList();
	}

}
