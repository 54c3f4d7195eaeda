package io.sightline.slo;

import java.time.Duration;

/**
 * One multi-window burn-rate condition (Google SRE workbook, chapter "Alerting on SLOs"): alert when
 * both the long and the short window burn faster than {@link #factor(Duration)}. The factor is not a
 * constant: it follows from the share of the budget that the long window may consume, and the period.
 *
 * @param severity page or ticket
 * @param longWindow the window that proves the burn is significant
 * @param shortWindow the window that proves it is still happening (1/12 of the long one)
 * @param budgetConsumed share of the period's budget the long window may consume, e.g. 0.02
 */
public record AlertWindow(Severity severity, Duration longWindow, Duration shortWindow, double budgetConsumed) {

	public AlertWindow {
		if (longWindow.compareTo(shortWindow) <= 0) {
			throw new IllegalArgumentException("the long window must be longer than the short one");
		}
		if (!(budgetConsumed > 0 && budgetConsumed <= 1)) {
			throw new IllegalArgumentException("budget consumed must be in (0, 1], was " + budgetConsumed);
		}
	}

	/**
	 * The burn rate above which this window alerts: the budget share, spread over the long window
	 * instead of the whole period. 0.02 of 30 days in 1 hour gives 14.4.
	 */
	public double factor(Duration period) {
		return this.budgetConsumed * period.toSeconds() / (double) this.longWindow.toSeconds();
	}

	/** Whether the condition holds, given the burn rates measured over both windows. */
	public boolean isBurning(Duration period, double longWindowBurnRate, double shortWindowBurnRate) {
		double threshold = factor(period);
		return longWindowBurnRate > threshold && shortWindowBurnRate > threshold;
	}

	/** How loud an alert is. */
	public enum Severity {

		/** Wake someone up. */
		PAGE,
		/** Look at it during working hours. */
		TICKET

	}

}
