package io.sightline.demo.payment.web;

import io.sightline.demo.payment.domain.Payments;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read side for the gateway: the decision taken for an order.
 */
@RestController
public class PaymentController {

	private final Payments payments;

	public PaymentController(Payments payments) {
		this.payments = payments;
	}

	/**
	 * @param orderId the order
	 * @return the decision, or 404 (problem details) when none is known: not decided yet, or forgotten
	 */
	@GetMapping("/payments/{orderId}")
	public ResponseEntity<?> payment(@PathVariable String orderId) {
		return this.payments.find(orderId)
			.<ResponseEntity<?>>map((decision) -> ResponseEntity.ok(PaymentView.of(decision)))
			.orElseGet(() -> ResponseEntity
				.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no payment decision for order " + orderId))
				.build());
	}

}
