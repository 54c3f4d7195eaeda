package io.sightline.demo.events;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku catalog item
 * @param quantity at least 1
 * @param unitPrice price per item when the order was placed
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

}
