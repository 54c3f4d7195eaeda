package io.sightline.demo.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order aggregate and its saga state machine.
 *
 * <p>An order is placed PENDING and waits for two independent decisions: payment (authorized or
 * declined) and stock (reserved or rejected), which arrive in any order, possibly more than once, and
 * possibly late. Both positive → CONFIRMED; the first negative one, or the timeout, → CANCELLED. A
 * final status never changes again. Each sub-status is set once: the first decision wins and a repeat
 * is ignored, so redelivered events are harmless.
 */
public final class Order {

	/** Longest customer id accepted. */
	public static final int MAX_CUSTOMER_ID_LENGTH = 100;

	/** Most lines in one order; bounds the work one request can cause. */
	public static final int MAX_LINES = 100;

	/** Longest SKU accepted. */
	public static final int MAX_SKU_LENGTH = 64;

	/** Largest quantity on one line. */
	public static final int MAX_QUANTITY = 10_000;

	/** Largest unit price; with the other bounds, the amount always fits the database column. */
	public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");

	/** Longest reason stored; reasons come from other services and are cut beyond this. */
	public static final int MAX_REASON_LENGTH = 500;

	/** Reason of a cancellation by the saga timeout. */
	public static final String TIMEOUT_REASON = "timeout";

	private static final int MONEY_SCALE = 2;

	private final String id;

	private final String customerId;

	private final List<LineItem> lines;

	private final BigDecimal amount;

	private final Instant createdAt;

	private OrderStatus status;

	private PaymentStatus paymentStatus;

	private StockStatus stockStatus;

	private String reason;

	private Instant updatedAt;

	private Order(String id, String customerId, List<LineItem> lines, BigDecimal amount, OrderStatus status,
			PaymentStatus paymentStatus, StockStatus stockStatus, String reason, Instant createdAt,
			Instant updatedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.customerId = Objects.requireNonNull(customerId, "customerId");
		this.lines = List.copyOf(lines);
		this.amount = Objects.requireNonNull(amount, "amount");
		this.status = Objects.requireNonNull(status, "status");
		this.paymentStatus = Objects.requireNonNull(paymentStatus, "paymentStatus");
		this.stockStatus = Objects.requireNonNull(stockStatus, "stockStatus");
		this.reason = reason;
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
	}

	/**
	 * Validates a new order and creates it PENDING.
	 * @param id the new order's id
	 * @param customerId who pays; required
	 * @param lines what is ordered; at least one line
	 * @param now the creation time
	 * @return the PENDING order, with its amount computed
	 * @throws InvalidOrderException listing every rule the input breaks
	 */
	public static Order place(String id, String customerId, List<RequestedLine> lines, Instant now) {
		List<String> violations = new ArrayList<>();
		if (customerId == null || customerId.isBlank()) {
			violations.add("customerId is required");
		}
		else if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
			violations.add("customerId must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters");
		}
		List<LineItem> items = new ArrayList<>();
		if (lines == null || lines.isEmpty()) {
			violations.add("lines must contain at least one line");
		}
		else if (lines.size() > MAX_LINES) {
			violations.add("lines must contain at most " + MAX_LINES + " lines");
		}
		else {
			for (int i = 0; i < lines.size(); i++) {
				LineItem item = validate("lines[" + i + "]", lines.get(i), violations);
				if (item != null) {
					items.add(item);
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidOrderException(violations);
		}
		BigDecimal amount = items.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		// microseconds: what both H2 and PostgreSQL store, so a reloaded order equals the placed one
		Instant created = now.truncatedTo(ChronoUnit.MICROS);
		return new Order(id, customerId.trim(), items, amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY),
				OrderStatus.PENDING, PaymentStatus.PENDING, StockStatus.PENDING, null, created, created);
	}

	private static LineItem validate(String path, RequestedLine line, List<String> violations) {
		if (line == null) {
			violations.add(path + " is required");
			return null;
		}
		int before = violations.size();
		if (line.sku() == null || line.sku().isBlank()) {
			violations.add(path + ".sku is required");
		}
		else if (line.sku().length() > MAX_SKU_LENGTH) {
			violations.add(path + ".sku must be at most " + MAX_SKU_LENGTH + " characters");
		}
		if (line.quantity() == null) {
			violations.add(path + ".quantity is required");
		}
		else if (line.quantity() < 1) {
			violations.add(path + ".quantity must be at least 1");
		}
		else if (line.quantity() > MAX_QUANTITY) {
			violations.add(path + ".quantity must be at most " + MAX_QUANTITY);
		}
		BigDecimal price = line.unitPrice();
		if (price == null) {
			violations.add(path + ".unitPrice is required");
		}
		else if (price.signum() < 0) {
			violations.add(path + ".unitPrice must be at least 0");
		}
		else if (price.compareTo(MAX_UNIT_PRICE) > 0) {
			violations.add(path + ".unitPrice must be at most " + MAX_UNIT_PRICE.toPlainString());
		}
		else if (price.stripTrailingZeros().scale() > MONEY_SCALE) {
			violations.add(path + ".unitPrice must have at most " + MONEY_SCALE + " decimal places");
		}
		if (violations.size() > before) {
			return null;
		}
		return new LineItem(line.sku().trim(), line.quantity(), price.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY));
	}

	/**
	 * Rebuilds an order from storage, without validation.
	 * @param id the order id
	 * @param customerId who pays
	 * @param lines what is ordered
	 * @param amount the total
	 * @param status saga status
	 * @param paymentStatus payment decision
	 * @param stockStatus stock decision
	 * @param reason why it was cancelled, or null
	 * @param createdAt when it was placed
	 * @param updatedAt when it last changed
	 * @return the order as stored
	 */
	public static Order restore(String id, String customerId, List<LineItem> lines, BigDecimal amount,
			OrderStatus status, PaymentStatus paymentStatus, StockStatus stockStatus, String reason,
			Instant createdAt, Instant updatedAt) {
		return new Order(id, customerId, lines, amount, status, paymentStatus, stockStatus, reason, createdAt,
				updatedAt);
	}

	/**
	 * Applies payment-service's decision.
	 * @param authorized whether the amount was authorized
	 * @param declineReason why it was declined (ignored when authorized)
	 * @param now the time of the change
	 * @return what happened
	 */
	public SagaTransition applyPayment(boolean authorized, String declineReason, Instant now) {
		if (this.paymentStatus != PaymentStatus.PENDING) {
			return SagaTransition.IGNORED;
		}
		this.paymentStatus = authorized ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
		touch(now);
		if (this.status.isFinal()) {
			return SagaTransition.RECORDED_LATE;
		}
		if (!authorized) {
			return cancel(explain("payment declined", declineReason));
		}
		return (this.stockStatus == StockStatus.RESERVED) ? confirm() : SagaTransition.RECORDED;
	}

	/**
	 * Applies inventory-service's decision.
	 * @param reserved whether the stock is held for the order
	 * @param rejectReason why it was rejected (ignored when reserved)
	 * @param now the time of the change
	 * @return what happened
	 */
	public SagaTransition applyStock(boolean reserved, String rejectReason, Instant now) {
		if (this.stockStatus != StockStatus.PENDING) {
			return SagaTransition.IGNORED;
		}
		this.stockStatus = reserved ? StockStatus.RESERVED : StockStatus.REJECTED;
		touch(now);
		if (this.status.isFinal()) {
			// a reservation made after the cancellation would otherwise never be released
			return reserved ? SagaTransition.LATE_RESERVATION_RELEASED : SagaTransition.RECORDED_LATE;
		}
		if (!reserved) {
			return cancel(explain("stock rejected", rejectReason));
		}
		return (this.paymentStatus == PaymentStatus.AUTHORIZED) ? confirm() : SagaTransition.RECORDED;
	}

	/**
	 * Ends the wait: a still PENDING order is cancelled with reason {@value #TIMEOUT_REASON}.
	 * @param now the time of the change
	 * @return {@link SagaTransition#CANCELLED}, or {@link SagaTransition#IGNORED} when already final
	 */
	public SagaTransition timeOut(Instant now) {
		if (this.status.isFinal()) {
			return SagaTransition.IGNORED;
		}
		touch(now);
		return cancel(TIMEOUT_REASON);
	}

	private SagaTransition confirm() {
		this.status = OrderStatus.CONFIRMED;
		return SagaTransition.CONFIRMED;
	}

	private SagaTransition cancel(String why) {
		this.status = OrderStatus.CANCELLED;
		this.reason = why;
		return SagaTransition.CANCELLED;
	}

	private void touch(Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		// never move backwards, even if the clock does
		this.updatedAt = at.isAfter(this.updatedAt) ? at : this.updatedAt;
	}

	private static String explain(String what, String detail) {
		String text = (detail == null || detail.isBlank()) ? what : what + ": " + detail.strip();
		return (text.length() > MAX_REASON_LENGTH) ? text.substring(0, MAX_REASON_LENGTH) : text;
	}

	/** The order id. */
	public String id() {
		return this.id;
	}

	/** Who pays. */
	public String customerId() {
		return this.customerId;
	}

	/** What is ordered, unmodifiable. */
	public List<LineItem> lines() {
		return this.lines;
	}

	/** The total, scale 2. */
	public BigDecimal amount() {
		return this.amount;
	}

	/** The saga status. */
	public OrderStatus status() {
		return this.status;
	}

	/** payment-service's decision. */
	public PaymentStatus paymentStatus() {
		return this.paymentStatus;
	}

	/** inventory-service's decision. */
	public StockStatus stockStatus() {
		return this.stockStatus;
	}

	/** Why the order was cancelled; null unless CANCELLED. */
	public String reason() {
		return this.reason;
	}

	/** When the order was placed. */
	public Instant createdAt() {
		return this.createdAt;
	}

	/** When the order last changed. */
	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * A line as requested, before validation; any field may be missing.
	 *
	 * @param sku catalog item
	 * @param quantity items wanted
	 * @param unitPrice price per item
	 */
	public record RequestedLine(String sku, Integer quantity, BigDecimal unitPrice) {

	}

}
