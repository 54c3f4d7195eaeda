package io.sightline.slo.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.sightline.slo.HttpRequests;
import io.sightline.slo.HttpServerMetrics;
import io.sightline.slo.MultiWindowAlerts;
import io.sightline.slo.Sli;

/**
 * The PromQL of an SLI's error ratio over a window. Sloth's kinds carry their own queries; the
 * shorthands become queries on the Micrometer series the starter publishes.
 */
final class ErrorRatioQueries {

	static final String WINDOW = "{{.window}}";

	private ErrorRatioQueries() {
	}

	/** The error ratio of the SLI over the window, e.g. {@code 5m}. */
	static String errorRatio(String service, Sli sli, String window) {
		return template(service, sli).replace(WINDOW, window);
	}

	private static String template(String service, Sli sli) {
		if (sli instanceof Sli.Raw raw) {
			return raw.errorRatioQuery();
		}
		if (sli instanceof Sli.Events events) {
			return ratio(events.errorQuery(), events.totalQuery());
		}
		if (sli instanceof Sli.HttpAvailability http) {
			return ratio(zeroWhenAbsent(rate(HttpServerMetrics.REQUESTS, selector(service, http.requests(),
					HttpServerMetrics.statusIn(http.errorStatuses())))),
					rate(HttpServerMetrics.REQUESTS, selector(service, http.requests())));
		}
		if (sli instanceof Sli.HttpLatency http) {
			return ratio(rate(HttpServerMetrics.REQUESTS, selector(service, http.requests())) + " - "
					+ rate(HttpServerMetrics.BUCKETS,
							selector(service, http.requests(), HttpServerMetrics.bucket(http.bucketLabel()))),
					rate(HttpServerMetrics.REQUESTS, selector(service, http.requests())));
		}
		Sli.CounterRatio counter = (Sli.CounterRatio) sli;
		return ratio(zeroWhenAbsent(counterErrors(service, counter)),
				rate(counter.prometheusName(), "{" + application(service) + "}"));
	}

	/** A window as Prometheus writes durations: 5m, 1h, 3d. */
	static String window(Duration duration) {
		return MultiWindowAlerts.label(duration);
	}

	/** A label value inside double quotes. */
	static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String ratio(String errors, String total) {
		return "(" + errors + ")\n/\n(" + total + ")";
	}

	/** No error series yet means no errors: the ratio is 0, not absent. */
	private static String zeroWhenAbsent(String query) {
		return query + " or vector(0)";
	}

	private static String rate(String series, String selector) {
		return "sum(rate(" + series + selector + "[" + WINDOW + "]))";
	}

	private static String counterErrors(String service, Sli.CounterRatio counter) {
		// a series matching several error tags is counted once: `or` keeps one copy per label set
		List<String> rates = new ArrayList<>();
		for (Map.Entry<String, List<String>> tag : counter.errorTags().entrySet()) {
			rates.add("rate(" + counter.prometheusName() + "{" + application(service) + "," + tag.getKey() + "=~"
					+ quote(alternatives(tag.getValue())) + "}[" + WINDOW + "])");
		}
		return "sum(" + String.join(" or ", rates) + ")";
	}

	private static String selector(String service, HttpRequests requests, String... extra) {
		List<String> matchers = new ArrayList<>();
		matchers.add(application(service));
		if (requests.uris().isEmpty()) {
			matchers.add("uri!~" + quote(HttpRequests.ACTUATOR_PREFIX + ".*"));
		}
		else {
			matchers.add("uri=~" + quote(alternatives(requests.uris())));
		}
		if (!requests.methods().isEmpty()) {
			matchers.add("method=~" + quote(alternatives(requests.methods())));
		}
		matchers.addAll(List.of(extra));
		return "{" + String.join(",", matchers) + "}";
	}

	private static String application(String service) {
		return "application=" + quote(service);
	}

	/** Literal values as one anchored RE2 alternation. */
	private static String alternatives(List<String> values) {
		return values.stream().map(ErrorRatioQueries::literal).collect(Collectors.joining("|"));
	}

	private static String literal(String value) {
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toCharArray()) {
			if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
