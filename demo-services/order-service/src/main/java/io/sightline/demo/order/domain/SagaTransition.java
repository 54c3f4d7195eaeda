package io.sightline.demo.order.domain;

/**
 * What one saga input (a payment result, a stock result, the timeout) did to an order. The caller
 * stores the order when {@link #changed()} and publishes the compensation when {@link #compensates()}.
 */
public enum SagaTransition {

	/** Nothing changed: a duplicate result, or a timeout for an order that has already ended. */
	IGNORED(false, false),

	/** The result was recorded; the order still waits for the other one. */
	RECORDED(true, false),

	/** The result arrived after the order had ended: recorded for the record, the status stays. */
	RECORDED_LATE(true, false),

	/** Both results were positive: PENDING → CONFIRMED. */
	CONFIRMED(true, false),

	/** A negative result or the timeout: PENDING → CANCELLED, and any reservation must be released. */
	CANCELLED(true, true),

	/**
	 * Stock was reserved after the order had been cancelled. The status stays CANCELLED, but this late
	 * reservation must be released as well, so the compensation is requested again.
	 */
	LATE_RESERVATION_RELEASED(true, true);

	private final boolean changed;

	private final boolean compensates;

	SagaTransition(boolean changed, boolean compensates) {
		this.changed = changed;
		this.compensates = compensates;
	}

	/** Whether the order must be stored. */
	public boolean changed() {
		return this.changed;
	}

	/** Whether an {@code OrderCancelled} must be published so that inventory releases the stock. */
	public boolean compensates() {
		return this.compensates;
	}

}
