package io.sightline.demo.order.application;

import io.sightline.demo.order.domain.Order;

/**
 * Announces the saga's steps to the other services. Called after the database commit; a failure is
 * logged, never thrown, because the order is already stored (the timeout then ends the saga).
 */
public interface SagaEventPublisher {

	/**
	 * Asks payment and inventory to decide on a new order.
	 * @param order the PENDING order
	 */
	void orderPlaced(Order order);

	/**
	 * The compensation: inventory releases whatever it reserved for the order.
	 * @param order the CANCELLED order
	 */
	void orderCancelled(Order order);

}
