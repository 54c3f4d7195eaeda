package io.sightline.demo.order.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.demo.order.domain.Order;
import io.sightline.demo.order.domain.Order.RequestedLine;
import io.sightline.demo.order.domain.SagaTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The order use cases: place and read orders, and drive the saga with payment results, stock results
 * and the timeout. Every saga input locks its order, applies the domain's state machine, stores the
 * result and, only after the commit, publishes what follows from it.
 */
@Service
public class OrderService {

	private static final Logger log = LoggerFactory.getLogger(OrderService.class);

	private final OrderStore store;

	private final SagaEventPublisher publisher;

	private final SagaTracing tracing;

	private final Clock clock;

	private final Counter confirmed;

	private final Counter rejected;

	private final Counter timedOut;

	/**
	 * @param store where orders are kept
	 * @param publisher announces placed and cancelled orders
	 * @param tracing captures the trace context at placement
	 * @param clock the time source
	 * @param meters where the saga outcomes are counted ({@code orders.saga.completed{outcome}}, the
	 * business counter behind the saga-success SLO)
	 */
	public OrderService(OrderStore store, SagaEventPublisher publisher, SagaTracing tracing, Clock clock,
			MeterRegistry meters) {
		this.store = store;
		this.publisher = publisher;
		this.tracing = tracing;
		this.clock = clock;
		this.confirmed = outcome(meters, "confirmed");
		this.rejected = outcome(meters, "rejected");
		this.timedOut = outcome(meters, "timed_out");
	}

	private static Counter outcome(MeterRegistry meters, String outcome) {
		return Counter.builder("orders.saga.completed")
			.description("Sagas that ended: confirmed, rejected (payment declined or stock short, a correct outcome) "
					+ "or timed_out (no decision in time, a failure)")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Places an order: validates it, stores it PENDING and, after the commit, publishes
	 * {@code OrderPlaced}.
	 * @param customerId who pays
	 * @param lines what is ordered
	 * @return the stored order
	 * @throws io.sightline.demo.order.domain.InvalidOrderException when the input breaks a rule
	 */
	@Transactional
	public Order place(String customerId, List<RequestedLine> lines) {
		Order order = Order.place(UUID.randomUUID().toString(), customerId, lines, this.clock.instant());
		this.store.insert(order, this.tracing.currentTraceParent());
		// after the commit: a consumer that reacts at once must find the order
		afterCommit(() -> this.publisher.orderPlaced(order));
		log.atInfo()
			.addKeyValue("order_id", order.id())
			.log("order {} PENDING: placed for customer {}, {} line(s), amount {}", order.id(), order.customerId(),
					order.lines().size(), order.amount().toPlainString());
		return order;
	}

	/**
	 * Reads an order.
	 * @param id the order id
	 * @return the order, or empty when unknown
	 */
	@Transactional(readOnly = true)
	public Optional<Order> find(String id) {
		return this.store.findById(id);
	}

	/**
	 * Applies payment-service's decision. A result for an unknown order is logged and ignored.
	 * @param orderId the order
	 * @param authorized whether the payment was authorized
	 * @param reason why it was declined, or null
	 */
	@Transactional
	public void onPaymentResult(String orderId, boolean authorized, String reason) {
		String input = authorized ? "payment authorized" : "payment declined";
		lock(orderId, input).ifPresent((order) -> conclude(order,
				order.applyPayment(authorized, reason, this.clock.instant()), input));
	}

	/**
	 * Applies inventory-service's decision. A result for an unknown order is logged and ignored.
	 * @param orderId the order
	 * @param reserved whether the stock was reserved
	 * @param reason why it was rejected, or null
	 */
	@Transactional
	public void onStockResult(String orderId, boolean reserved, String reason) {
		String input = reserved ? "stock reserved" : "stock rejected";
		lock(orderId, input).ifPresent((order) -> conclude(order,
				order.applyStock(reserved, reason, this.clock.instant()), input));
	}

	/**
	 * Cancels the order if it is still PENDING (the saga timeout).
	 * @param orderId the order
	 */
	@Transactional
	public void timeOut(String orderId) {
		lock(orderId, "timeout").ifPresent((order) -> conclude(order, order.timeOut(this.clock.instant()), "timeout"));
	}

	private Optional<Order> lock(String orderId, String input) {
		Optional<Order> order = (orderId == null || orderId.isBlank()) ? Optional.empty()
				: this.store.lockById(orderId);
		if (order.isEmpty()) {
			log.atWarn().addKeyValue("order_id", String.valueOf(orderId)).log("{} for unknown order {} ignored", input, orderId);
		}
		return order;
	}

	private void conclude(Order order, SagaTransition transition, String input) {
		if (transition.changed()) {
			this.store.update(order);
		}
		if (transition.compensates()) {
			afterCommit(() -> this.publisher.orderCancelled(order));
		}
		if (transition == SagaTransition.CONFIRMED) {
			afterCommit(this.confirmed::increment);
		}
		else if (transition == SagaTransition.CANCELLED) {
			afterCommit(("timeout".equals(input) ? this.timedOut : this.rejected)::increment);
		}
		String id = order.id();
		var line = log.atInfo().addKeyValue("order_id", id);
		switch (transition) {
			case IGNORED -> line.log("order {} stays {}: {} ignored (duplicate, or the order has ended)", id,
					order.status(), input);
			case RECORDED -> line.log("order {} still PENDING: {}, waiting for {}", id, input,
					input.startsWith("payment") ? "stock" : "payment");
			case RECORDED_LATE -> line.log("order {} stays {}: late {} recorded", id, order.status(), input);
			case CONFIRMED -> line.log("order {} CONFIRMED: payment authorized and stock reserved", id);
			case CANCELLED -> line.log("order {} CANCELLED: {}; compensation requested", id, order.reason());
			case LATE_RESERVATION_RELEASED -> line.log(
					"order {} stays CANCELLED: stock reserved late; compensation requested again", id);
		}
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
