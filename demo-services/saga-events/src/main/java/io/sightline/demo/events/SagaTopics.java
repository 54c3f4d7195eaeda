package io.sightline.demo.events;

/**
 * The order saga's topics. Every record is keyed by order id, so one order's events stay in order on
 * one partition, and carries its trace context in the record headers.
 */
public final class SagaTopics {

	/** {@link OrderPlaced}, published by order-service; consumed by payment- and inventory-service. */
	public static final String ORDER_PLACED = "demo.orders.placed";

	/** {@link PaymentResult}, published by payment-service; consumed by order-service. */
	public static final String PAYMENT_RESULTS = "demo.payments.results";

	/** {@link StockResult}, published by inventory-service; consumed by order-service. */
	public static final String STOCK_RESULTS = "demo.inventory.results";

	/** {@link OrderCancelled}, published by order-service; inventory-service releases the reservation. */
	public static final String ORDER_CANCELLED = "demo.orders.cancelled";

	private SagaTopics() {
	}

}
