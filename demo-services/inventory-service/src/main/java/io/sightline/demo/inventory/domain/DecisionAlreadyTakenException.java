package io.sightline.demo.inventory.domain;

/**
 * Thrown by {@link Inventory#saveDecision} when a concurrent delivery decided the same order first.
 * It rolls the transaction back; the caller then reads the decision that won.
 */
public class DecisionAlreadyTakenException extends RuntimeException {

	public DecisionAlreadyTakenException(String orderId, Throwable cause) {
		super("Order " + orderId + " already has a stock decision", cause);
	}

}
