package io.sightline.demo.order.domain;

/** Where an order stands in the saga. CONFIRMED and CANCELLED are final. */
public enum OrderStatus {

	/** Placed; waiting for payment and stock. */
	PENDING,

	/** Payment authorized and stock reserved. */
	CONFIRMED,

	/** Payment declined, stock rejected, or the saga timed out. */
	CANCELLED;

	/** Whether the status can no longer change. */
	public boolean isFinal() {
		return this != PENDING;
	}

}
