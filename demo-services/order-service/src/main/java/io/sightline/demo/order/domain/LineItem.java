package io.sightline.demo.order.domain;

import java.math.BigDecimal;

/**
 * One validated line of an order.
 *
 * @param sku catalog item
 * @param quantity at least 1
 * @param unitPrice price per item, at least 0, with a scale of 2
 */
public record LineItem(String sku, int quantity, BigDecimal unitPrice) {

	/** {@code quantity × unitPrice}. */
	public BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
