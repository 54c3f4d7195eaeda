package io.sightline.demo.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.sightline.demo.order.domain.Order;
import io.sightline.demo.order.domain.OrderStatus;
import io.sightline.demo.order.domain.PaymentStatus;
import io.sightline.demo.order.domain.StockStatus;

/**
 * Answer to {@code GET /orders/{id}}.
 *
 * @param id the order id
 * @param customerId who pays
 * @param status PENDING, CONFIRMED or CANCELLED
 * @param paymentStatus PENDING, AUTHORIZED or DECLINED
 * @param stockStatus PENDING, RESERVED or REJECTED
 * @param reason why the order was cancelled; null otherwise
 * @param amount the total
 * @param lines what is ordered
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 */
public record OrderResponse(String id, String customerId, OrderStatus status, PaymentStatus paymentStatus,
		StockStatus stockStatus, String reason, BigDecimal amount, List<Line> lines, Instant createdAt,
		Instant updatedAt) {

	static OrderResponse of(Order order) {
		List<Line> lines = order.lines()
			.stream()
			.map((line) -> new Line(line.sku(), line.quantity(), line.unitPrice()))
			.toList();
		return new OrderResponse(order.id(), order.customerId(), order.status(), order.paymentStatus(),
				order.stockStatus(), order.reason(), order.amount(), lines, order.createdAt(), order.updatedAt());
	}

	/**
	 * One line of the order.
	 *
	 * @param sku catalog item
	 * @param quantity items
	 * @param unitPrice price per item
	 */
	public record Line(String sku, int quantity, BigDecimal unitPrice) {

	}

}
