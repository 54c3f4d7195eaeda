package io.sightline.demo.payment.domain;

/**
 * Port: tells the saga about a decision.
 */
public interface PaymentResultPublisher {

	/**
	 * Publishes a decision; returns once the broker has it, so a failure lets the incoming record be
	 * delivered again.
	 * @param decision the decision
	 */
	void publish(PaymentDecision decision);

}
