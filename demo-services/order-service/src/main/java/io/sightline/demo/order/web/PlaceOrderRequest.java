package io.sightline.demo.order.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /orders}. Every field may be missing here; the domain says which are required.
 *
 * @param customerId who pays
 * @param lines what is ordered
 */
public record PlaceOrderRequest(String customerId, List<Line> lines) {

	/**
	 * One requested line.
	 *
	 * @param sku catalog item
	 * @param quantity at least 1
	 * @param unitPrice at least 0, at most 2 decimal places
	 */
	public record Line(String sku, Integer quantity, BigDecimal unitPrice) {

	}

}
