package io.sightline.demo.payment.domain;

import java.math.BigDecimal;

/**
 * A payment to decide, as the domain sees an incoming order.
 *
 * @param orderId the order
 * @param customerId who pays
 * @param amount total to authorize
 */
public record PaymentRequest(String orderId, String customerId, BigDecimal amount) {

}
