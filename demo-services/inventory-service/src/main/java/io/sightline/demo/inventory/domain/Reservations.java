package io.sightline.demo.inventory.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of the saga's stock step: reserve all lines of an order or none, and release them when
 * the order is cancelled. Both are idempotent per order id, because Kafka delivers at least once.
 */
public class Reservations {

	/** Reason given to an OrderPlaced that arrives after its order was already cancelled. */
	public static final String CANCELLED_BEFORE_RESERVATION = "order cancelled before stock was reserved";

	/**
	 * Appended to the decision's log line when the order had been decided before: a redelivery, or an
	 * OrderPlaced that arrives after its cancellation.
	 */
	static final String REPLAY_NOTE = " (already decided: same result published again)";

	private static final Logger log = LoggerFactory.getLogger(Reservations.class);

	private final Inventory inventory;

	private final Transactions transactions;

	private final StockResultPublisher publisher;

	private final Clock clock;

	public Reservations(Inventory inventory, Transactions transactions, StockResultPublisher publisher) {
		this(inventory, transactions, publisher, Clock.systemUTC());
	}

	public Reservations(Inventory inventory, Transactions transactions, StockResultPublisher publisher,
			Clock clock) {
		this.inventory = Objects.requireNonNull(inventory, "inventory");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Reserves every line of an order in one transaction, or none of them, and publishes the decision.
	 * An order that was already decided is not reserved again: its decision is published again.
	 * @param orderId the order
	 * @param requested its lines; the same sku may appear more than once
	 * @return the decision that was published
	 */
	public StockDecision reserve(String orderId, List<ReservationLine> requested) {
		Objects.requireNonNull(orderId, "orderId");
		Optional<StockDecision> earlier = this.transactions.inTransaction(() -> this.inventory.decision(orderId));
		if (earlier.isPresent()) {
			return announce(earlier.get(), null, true);
		}
		Map<String, Integer> lines;
		try {
			lines = merge(requested);
		}
		catch (Rejection rejection) {
			return reject(orderId, rejection.getMessage());
		}
		StockDecision decision;
		try {
			decision = this.transactions.inTransaction(() -> reserveAll(orderId, lines));
		}
		catch (Rejection rejection) {
			// The transaction has rolled back every line taken so far: all or nothing.
			return reject(orderId, rejection.getMessage());
		}
		catch (DecisionAlreadyTakenException ex) {
			// A concurrent delivery of the same order won; its stock stays, ours was rolled back.
			return announce(decided(orderId), null, true);
		}
		return announce(decision, lines, false);
	}

	/**
	 * Releases what an order holds: the saga's compensation. A second release of the same order finds
	 * nothing to release. An order cancelled before its OrderPlaced was handled is remembered as
	 * rejected, so that a late OrderPlaced reserves nothing.
	 * @param orderId the cancelled order
	 * @param reason why it was cancelled, for the log
	 * @return what was done
	 */
	public Release release(String orderId, String reason) {
		Objects.requireNonNull(orderId, "orderId");
		Release release;
		try {
			release = this.transactions.inTransaction(() -> releaseOnce(orderId));
		}
		catch (DecisionAlreadyTakenException ex) {
			// OrderPlaced was decided meanwhile: release what it may have reserved.
			release = this.transactions.inTransaction(() -> releaseOnce(orderId));
		}
		String why = (reason != null && !reason.isBlank()) ? " (" + reason + ")" : "";
		switch (release.outcome()) {
			case RELEASED -> log.atInfo()
				.addKeyValue("order_id", orderId)
				.addKeyValue("stock_status", "released")
				.log("Stock released for cancelled order {}{}: {}", orderId, why, describe(release.lines()));
			case NOTHING_HELD -> log.atInfo()
				.addKeyValue("order_id", orderId)
				.addKeyValue("stock_status", "nothing_held")
				.log("Nothing to release for cancelled order {}{}: no stock held (already released or never reserved)",
						orderId, why);
			case CANCELLED_BEFORE_RESERVATION -> log.atInfo()
				.addKeyValue("order_id", orderId)
				.addKeyValue("stock_status", "cancelled_first")
				.log("Order {} cancelled before its stock was reserved{}: a late OrderPlaced will be rejected",
						orderId, why);
		}
		return release;
	}

	/**
	 * @return every catalog item, by sku
	 */
	public List<CatalogItem> catalog() {
		return this.inventory.catalog();
	}

	/**
	 * @param sku the item
	 * @return the item with its stock, if the catalog has it
	 */
	public Optional<CatalogItem> item(String sku) {
		return this.inventory.item(sku);
	}

	private StockDecision reserveAll(String orderId, Map<String, Integer> lines) {
		// Sku order: concurrent orders lock the same rows in the same order, so they cannot deadlock.
		for (Map.Entry<String, Integer> line : lines.entrySet()) {
			switch (this.inventory.take(line.getKey(), line.getValue())) {
				case TAKEN -> {
				}
				case INSUFFICIENT -> throw new Rejection("insufficient stock for " + line.getKey());
				case UNKNOWN -> throw new Rejection("unknown sku " + line.getKey());
			}
		}
		Instant now = now();
		this.inventory.saveReservation(orderId, toLines(lines), now);
		StockDecision decision = new StockDecision(orderId, true, null, now);
		this.inventory.saveDecision(decision);
		return decision;
	}

	private StockDecision reject(String orderId, String reason) {
		StockDecision rejected = new StockDecision(orderId, false, reason, now());
		try {
			this.transactions.inTransaction(() -> {
				this.inventory.saveDecision(rejected);
				return rejected;
			});
		}
		catch (DecisionAlreadyTakenException ex) {
			return announce(decided(orderId), null, true);
		}
		return announce(rejected, null, false);
	}

	private Release releaseOnce(String orderId) {
		List<ReservationLine> held = this.inventory.deleteReservation(orderId);
		if (!held.isEmpty()) {
			for (ReservationLine line : held) {
				this.inventory.putBack(line.sku(), line.quantity());
			}
			return new Release(Release.Outcome.RELEASED, held);
		}
		if (this.inventory.decision(orderId).isEmpty()) {
			this.inventory.saveDecision(new StockDecision(orderId, false, CANCELLED_BEFORE_RESERVATION, now()));
			return new Release(Release.Outcome.CANCELLED_BEFORE_RESERVATION, List.of());
		}
		return new Release(Release.Outcome.NOTHING_HELD, List.of());
	}

	private StockDecision decided(String orderId) {
		return this.transactions.inTransaction(() -> this.inventory.decision(orderId))
			.orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no stock decision"));
	}

	private StockDecision announce(StockDecision decision, Map<String, Integer> lines, boolean replay) {
		String detail = decision.reserved() ? ((lines != null) ? ": " + describe(toLines(lines)) : "")
				: ": " + decision.reason();
		log.atInfo()
			.addKeyValue("order_id", decision.orderId())
			.addKeyValue("stock_status", decision.reserved() ? "reserved" : "rejected")
			.log("Stock {} for order {}{}{}", decision.reserved() ? "reserved" : "rejected", decision.orderId(), detail,
					replay ? REPLAY_NOTE : "");
		this.publisher.publish(decision);
		return decision;
	}

	/** One entry per sku, quantities added up, sorted by sku; rejects what cannot be reserved. */
	private static Map<String, Integer> merge(List<ReservationLine> requested) {
		if (requested == null || requested.isEmpty()) {
			throw new Rejection("order has no lines");
		}
		Map<String, Integer> merged = new TreeMap<>();
		for (ReservationLine line : requested) {
			if (line == null || line.sku() == null || line.sku().isBlank()) {
				throw new Rejection("order line without sku");
			}
			if (line.quantity() <= 0) {
				throw new Rejection("invalid quantity for " + line.sku());
			}
			merged.merge(line.sku(), line.quantity(), (a, b) -> {
				long sum = (long) a + b;
				if (sum > Integer.MAX_VALUE) {
					throw new Rejection("invalid quantity for " + line.sku());
				}
				return (int) sum;
			});
		}
		return merged;
	}

	private static List<ReservationLine> toLines(Map<String, Integer> lines) {
		List<ReservationLine> list = new ArrayList<>(lines.size());
		lines.forEach((sku, quantity) -> list.add(new ReservationLine(sku, quantity)));
		return list;
	}

	private static String describe(List<ReservationLine> lines) {
		return lines.stream().map((line) -> line.sku() + " x" + line.quantity()).collect(Collectors.joining(", "));
	}

	/** Milliseconds: what every database keeps, so a decision read back equals the one published. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * What {@link #release} did.
	 *
	 * @param outcome the case
	 * @param lines the units put back; empty unless released
	 */
	public record Release(Outcome outcome, List<ReservationLine> lines) {

		/**
		 * The cases of a release.
		 */
		public enum Outcome {

			/** The order's stock was put back. */
			RELEASED,

			/** The order holds nothing: released before, or rejected. */
			NOTHING_HELD,

			/** The order was not decided yet; it is now remembered as rejected. */
			CANCELLED_BEFORE_RESERVATION

		}

	}

	/** A reason to reject an order; thrown inside the transaction so it rolls back. */
	private static final class Rejection extends RuntimeException {

		Rejection(String reason) {
			super(reason, null, false, false);
		}

	}

}
