package io.sightline.demo.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A decision taken for one order; kept so lookups and redeliveries see the same answer.
 *
 * @param orderId the order
 * @param amount the amount that was decided on
 * @param authorized whether the payment was authorized
 * @param reason why it was declined; null when authorized
 * @param decidedAt when it was decided
 */
public record PaymentDecision(String orderId, BigDecimal amount, boolean authorized, String reason,
		Instant decidedAt) {

}
