package io.sightline.demo.inventory.domain;

/**
 * Port: tells the saga about a stock decision.
 */
@FunctionalInterface
public interface StockResultPublisher {

	/**
	 * Publishes a decision; returns once the broker has it, so a failure lets the incoming record be
	 * delivered again.
	 * @param decision the decision
	 */
	void publish(StockDecision decision);

}
