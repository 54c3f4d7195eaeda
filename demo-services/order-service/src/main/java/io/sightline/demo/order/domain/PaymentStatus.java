package io.sightline.demo.order.domain;

/** payment-service's decision for an order, as far as order-service knows it. */
public enum PaymentStatus {

	/** No decision received yet. */
	PENDING,

	/** The amount was authorized. */
	AUTHORIZED,

	/** The payment was declined. */
	DECLINED

}
