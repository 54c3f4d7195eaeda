package io.sightline.demo.payment.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.sightline.demo.payment.domain.PaymentDecision;

/**
 * The JSON answer of {@code GET /payments/{orderId}}.
 *
 * @param orderId the order
 * @param status {@code AUTHORIZED} or {@code DECLINED}
 * @param authorized whether the payment was authorized
 * @param reason why it was declined; null when authorized
 * @param amount the amount decided on
 * @param decidedAt when it was decided
 */
public record PaymentView(String orderId, String status, boolean authorized, String reason, BigDecimal amount,
		Instant decidedAt) {

	static PaymentView of(PaymentDecision decision) {
		return new PaymentView(decision.orderId(), decision.authorized() ? "AUTHORIZED" : "DECLINED",
				decision.authorized(), decision.reason(), decision.amount(), decision.decidedAt());
	}

}
