package io.sightline.demo.events;

/**
 * inventory-service's decision for one order.
 *
 * @param orderId the order
 * @param reserved true for StockReserved, false for StockRejected
 * @param reason why it was rejected; null when reserved
 */
public record StockResult(String orderId, boolean reserved, String reason) {

}
