package io.sightline.demo.inventory.domain;

/**
 * Units of one item requested by, or held for, an order.
 *
 * @param sku the item
 * @param quantity how many units
 */
public record ReservationLine(String sku, int quantity) {

}
