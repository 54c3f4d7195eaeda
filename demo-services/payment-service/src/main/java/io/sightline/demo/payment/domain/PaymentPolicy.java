package io.sightline.demo.payment.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * The decline rules. Pure and deterministic, so a redelivered order gets the same answer.
 *
 * <p>Rules, first match wins:
 * <ol>
 * <li>no amount, or an amount of zero or less: declined, {@value #INVALID_AMOUNT};</li>
 * <li>no customer id: declined, {@value #MISSING_CUSTOMER};</li>
 * <li>a customer id starting with {@value #BLOCKED_PREFIX}: declined, {@value #CUSTOMER_BLOCKED};</li>
 * <li>an amount above the limit: declined, {@value #OVER_LIMIT};</li>
 * <li>otherwise authorized. The limit itself is still authorized.</li>
 * </ol>
 */
public final class PaymentPolicy {

	/** Customer ids with this prefix are blocked (the demo's stand-in for a fraud list). */
	public static final String BLOCKED_PREFIX = "blocked-";

	public static final String INVALID_AMOUNT = "invalid amount";

	public static final String MISSING_CUSTOMER = "missing customer";

	public static final String CUSTOMER_BLOCKED = "customer blocked";

	public static final String OVER_LIMIT = "amount over limit";

	private final BigDecimal limit;

	/**
	 * @param limit the highest amount that is authorized; must be positive
	 */
	public PaymentPolicy(BigDecimal limit) {
		Objects.requireNonNull(limit, "limit");
		if (limit.signum() <= 0) {
			throw new IllegalArgumentException("limit must be positive, got " + limit);
		}
		this.limit = limit;
	}

	/**
	 * Decides one payment.
	 * @param customerId who pays
	 * @param amount what to authorize
	 * @return the verdict
	 */
	public Verdict decide(String customerId, BigDecimal amount) {
		if (amount == null || amount.signum() <= 0) {
			return Verdict.declined(INVALID_AMOUNT);
		}
		if (customerId == null || customerId.isBlank()) {
			return Verdict.declined(MISSING_CUSTOMER);
		}
		if (customerId.strip().toLowerCase(Locale.ROOT).startsWith(BLOCKED_PREFIX)) {
			return Verdict.declined(CUSTOMER_BLOCKED);
		}
		// compareTo, not equals: 1000 and 1000.00 are the same amount
		if (amount.compareTo(this.limit) > 0) {
			return Verdict.declined(OVER_LIMIT);
		}
		return Verdict.AUTHORIZED;
	}

	public BigDecimal limit() {
		return this.limit;
	}

	/**
	 * The outcome of {@link #decide}.
	 *
	 * @param authorized whether the payment goes through
	 * @param reason why it was declined; null when authorized
	 */
	public record Verdict(boolean authorized, String reason) {

		static final Verdict AUTHORIZED = new Verdict(true, null);

		static Verdict declined(String reason) {
			return new Verdict(false, reason);
		}

	}

}
