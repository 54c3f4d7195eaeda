package io.sightline.demo.payment.domain;

import java.util.Optional;

/**
 * Port: where decisions are remembered.
 */
public interface DecisionStore {

	/**
	 * @param orderId the order
	 * @return the decision taken for it, if still remembered
	 */
	Optional<PaymentDecision> find(String orderId);

	/**
	 * Stores a decision unless one is already stored for the same order.
	 * @param decision the new decision
	 * @return the stored decision: the earlier one if there was one, else {@code decision}
	 */
	PaymentDecision putIfAbsent(PaymentDecision decision);

}
