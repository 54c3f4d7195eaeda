package io.sightline.demo.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sightline.demo.order.domain.Order;

/** Where orders are kept. Implementations join the caller's transaction. */
public interface OrderStore {

	/**
	 * Stores a new order.
	 * @param order the PENDING order
	 * @param traceParent W3C {@code traceparent} of the request that placed it, or null; the saga
	 * timeout continues that trace
	 */
	void insert(Order order, String traceParent);

	/**
	 * Reads an order.
	 * @param id the order id
	 * @return the order, or empty when unknown
	 */
	Optional<Order> findById(String id);

	/**
	 * Reads an order and locks it until the transaction ends, so that concurrent saga inputs (payment,
	 * stock, timeout) for one order are applied one after the other.
	 * @param id the order id
	 * @return the order, or empty when unknown
	 */
	Optional<Order> lockById(String id);

	/**
	 * Stores the saga state of an existing order (its lines never change).
	 * @param order the order
	 */
	void update(Order order);

	/**
	 * Orders still PENDING that were placed before a cut-off, oldest first.
	 * @param cutoff placed strictly before this
	 * @param limit at most this many
	 * @return the orders' ids with their trace context
	 */
	List<PendingOrder> findPendingPlacedBefore(Instant cutoff, int limit);

	/**
	 * A PENDING order due for the timeout.
	 *
	 * @param id the order id
	 * @param traceParent W3C {@code traceparent} stored at placement, or null
	 */
	record PendingOrder(String id, String traceParent) {

	}

}
