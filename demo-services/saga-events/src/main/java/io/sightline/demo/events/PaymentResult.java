package io.sightline.demo.events;

/**
 * payment-service's decision for one order.
 *
 * @param orderId the order
 * @param authorized true for PaymentAuthorized, false for PaymentDeclined
 * @param reason why it was declined; null when authorized
 */
public record PaymentResult(String orderId, boolean authorized, String reason) {

}
