package io.sightline.demo.order.domain;

/** inventory-service's decision for an order, as far as order-service knows it. */
public enum StockStatus {

	/** No decision received yet. */
	PENDING,

	/** The stock is held for the order. */
	RESERVED,

	/** Not enough stock (or an unknown item). */
	REJECTED

}
