package io.sightline.dashboards;

import java.util.ArrayList;
import java.util.List;

/**
 * PromQL pieces in Sightline's conventions: every service metric selected by {@code $application} (and, where one
 * instance can differ from another, {@code $instance}); every counter read through {@code rate} or
 * {@code increase} over {@code $__rate_interval}.
 */
public final class PromqlQueries {

	/** Selects the chosen applications. */
	public static final String APPLICATION = "application=~\"$application\"";

	/** Selects the chosen instances. */
	public static final String INSTANCE = "instance=~\"$instance\"";

	/** The window of every rate and increase: Grafana's safe minimum for the scrape interval. */
	public static final String RATE_INTERVAL = "[$__rate_interval]";

	private PromqlQueries() {
	}

	/** {@code metric{application=~"$application", instance=~"$instance", <matchers>}}: per-instance series. */
	public static String svc(String metric, String... matchers) {
		List<String> all = new ArrayList<>(List.of(APPLICATION, INSTANCE));
		all.addAll(List.of(matchers));
		return selector(metric, all);
	}

	/** {@code metric{application=~"$application", <matchers>}}: series aggregated over instances anyway. */
	public static String app(String metric, String... matchers) {
		List<String> all = new ArrayList<>(List.of(APPLICATION));
		all.addAll(List.of(matchers));
		return selector(metric, all);
	}

	static String selector(String metric, List<String> matchers) {
		return metric + "{" + String.join(", ", matchers) + "}";
	}

	/** {@code rate(<selector>[$__rate_interval])} */
	public static String rate(String selector) {
		return "rate(" + selector + RATE_INTERVAL + ")";
	}

	/** {@code increase(<selector>[$__rate_interval])} */
	public static String increase(String selector) {
		return "increase(" + selector + RATE_INTERVAL + ")";
	}

	/** {@code sum by (<labels>) (<expr>)}, or {@code sum(<expr>)} without labels. */
	public static String sum(String by, String expr) {
		return aggregate("sum", by, expr);
	}

	/** {@code max by (<labels>) (<expr>)}, or {@code max(<expr>)} without labels. */
	public static String max(String by, String expr) {
		return aggregate("max", by, expr);
	}

	/** {@code min by (<labels>) (<expr>)}, or {@code min(<expr>)} without labels. */
	public static String min(String by, String expr) {
		return aggregate("min", by, expr);
	}

	static String aggregate(String operator, String by, String expr) {
		return by.isEmpty() ? operator + "(" + expr + ")" : operator + " by (" + by + ") (" + expr + ")";
	}

	/** {@code sum by (<labels>) (rate(<selector>[$__rate_interval]))} */
	public static String sumRate(String by, String selector) {
		return sum(by, rate(selector));
	}

	/**
	 * A quantile of a histogram over the rate interval:
	 * {@code histogram_quantile(q, sum by (le, <labels>) (rate(<bucket selector>[$__rate_interval])))}.
	 */
	public static String quantile(String q, String by, String bucketSelector) {
		return "histogram_quantile(" + q + ", " + sumRate(by.isEmpty() ? "le" : "le, " + by, bucketSelector) + ")";
	}

	/**
	 * The share of {@code bad} in {@code all} (two selectors of one counter), by the labels: 0, not nothing, when
	 * there were calls but no bad ones (a counter with a bad label set only exists after the first bad event).
	 * {@code (sum by (l) (rate(bad)) or 0 * sum by (l) (rate(all))) / sum by (l) (rate(all))}
	 */
	public static String ratio(String by, String bad, String all) {
		String total = sumRate(by, all);
		return "(" + sumRate(by, bad) + " or 0 * " + total + ") / " + total;
	}

	/** Mean of a timer over the rate interval: {@code sum(rate(_sum)) / sum(rate(_count))}, by the labels. */
	public static String mean(String by, String sumSelector, String countSelector) {
		return sumRate(by, sumSelector) + " / " + sumRate(by, countSelector);
	}

	/**
	 * For series of rare events that may not exist yet: 0 instead of no data. Only for panels about rare events
	 * (a timeout, a denial), where "none" is the normal, readable answer.
	 */
	public static String orZero(String expr) {
		return expr + " or on() vector(0)";
	}

	/**
	 * Joins each series with its instance's release: {@code <expr> * on (application, instance)
	 * group_left(release_id) sightline_release_info{...}}, so that it can be summed by {@code release_id}.
	 */
	public static String byRelease(String expr) {
		return expr + " * on (application, instance) group_left (release_id) " + svc("sightline_release_info");
	}

}
