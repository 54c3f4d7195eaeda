package io.sightline.demo.payment.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case: decide a payment once per order, remember it, and publish it. A redelivered order
 * gets the remembered decision, published again, so a result lost on the way is sent once more.
 */
public class Payments {

	/** Appended to the decision's log line when the order had been decided before (a redelivery). */
	static final String REPLAY_NOTE = " (already decided: same result published again)";

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final PaymentPolicy policy;

	private final DecisionStore store;

	private final PaymentResultPublisher publisher;

	private final Clock clock;

	public Payments(PaymentPolicy policy, DecisionStore store, PaymentResultPublisher publisher) {
		this(policy, store, publisher, Clock.systemUTC());
	}

	public Payments(PaymentPolicy policy, DecisionStore store, PaymentResultPublisher publisher, Clock clock) {
		this.policy = Objects.requireNonNull(policy, "policy");
		this.store = Objects.requireNonNull(store, "store");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Decides (or recalls) the payment of one order and publishes the decision.
	 * @param request the order's payment
	 * @return the decision that was published
	 */
	public PaymentDecision handle(PaymentRequest request) {
		Objects.requireNonNull(request.orderId(), "orderId");
		Optional<PaymentDecision> earlier = this.store.find(request.orderId());
		PaymentDecision decision;
		boolean replay;
		if (earlier.isPresent()) {
			decision = earlier.get();
			replay = true;
		}
		else {
			PaymentPolicy.Verdict verdict = this.policy.decide(request.customerId(), request.amount());
			PaymentDecision fresh = new PaymentDecision(request.orderId(), request.amount(), verdict.authorized(),
					verdict.reason(), this.clock.instant());
			decision = this.store.putIfAbsent(fresh);
			replay = decision != fresh;
		}
		log.atInfo()
			.addKeyValue("order_id", decision.orderId())
			.addKeyValue("payment_status", decision.authorized() ? "authorized" : "declined")
			.log("Payment {} for order {}{}{}", decision.authorized() ? "authorized" : "declined", decision.orderId(),
					decision.authorized() ? "" : ": " + decision.reason(), replay ? REPLAY_NOTE : "");
		this.publisher.publish(decision);
		return decision;
	}

	/**
	 * @param orderId the order
	 * @return the decision taken for it, if still remembered
	 */
	public Optional<PaymentDecision> find(String orderId) {
		return this.store.find(orderId);
	}

}
