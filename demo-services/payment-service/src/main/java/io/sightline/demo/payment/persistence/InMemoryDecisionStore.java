package io.sightline.demo.payment.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.sightline.demo.payment.domain.DecisionStore;
import io.sightline.demo.payment.domain.PaymentDecision;

/**
 * Keeps the most recent decisions in memory, bounded so a long-running demo cannot grow without
 * limit; the oldest decision is forgotten first. A redelivery older than that is decided again, which
 * gives the same answer as long as the limit has not been changed.
 */
public class InMemoryDecisionStore implements DecisionStore {

	private final Map<String, PaymentDecision> decisions;

	/**
	 * @param capacity how many decisions are kept
	 */
	public InMemoryDecisionStore(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
		}
		this.decisions = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PaymentDecision> eldest) {
				return size() > capacity;
			}

		};
	}

	@Override
	public synchronized Optional<PaymentDecision> find(String orderId) {
		return Optional.ofNullable(this.decisions.get(orderId));
	}

	@Override
	public synchronized PaymentDecision putIfAbsent(PaymentDecision decision) {
		PaymentDecision earlier = this.decisions.putIfAbsent(decision.orderId(), decision);
		return (earlier != null) ? earlier : decision;
	}

	/**
	 * @return how many decisions are kept right now
	 */
	public synchronized int size() {
		return this.decisions.size();
	}

}
