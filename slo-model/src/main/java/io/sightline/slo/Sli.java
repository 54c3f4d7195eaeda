package io.sightline.slo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an SLO measures: the ratio of bad events to all events. Sloth's two kinds take PromQL; the
 * Sightline shorthands name a service's own Micrometer meters, so the rule generator can write the
 * PromQL and the starter can compute the same ratio in-process.
 */
public sealed interface Sli {

	/** Sloth {@code events}: PromQL of bad and of all events per second, with {@code {{.window}}}. */
	record Events(String errorQuery, String totalQuery) implements Sli {
	}

	/** Sloth {@code raw}: PromQL of the error ratio, with {@code {{.window}}}. */
	record Raw(String errorRatioQuery) implements Sli {
	}

	/**
	 * HTTP availability from {@code http.server.requests}: a request is bad when its status is one of
	 * the error statuses.
	 *
	 * @param requests which requests count
	 * @param errorStatuses e.g. {@code 5xx}, {@code 429}
	 */
	record HttpAvailability(HttpRequests requests, StatusSet errorStatuses) implements Sli {
	}

	/**
	 * HTTP latency from the {@code http.server.requests} histogram: a request is bad when it took
	 * longer than the threshold, which must be one of the published buckets.
	 *
	 * @param requests which requests count
	 * @param threshold the bucket bound
	 */
	record HttpLatency(HttpRequests requests, Duration threshold) implements Sli {

		/** The bucket's {@code le} label as the Prometheus client writes it ({@code 0.5}, {@code 1.0}). */
		public String bucketLabel() {
			return Double.toString(this.threshold.toNanos() / 1e9);
		}

	}

	/**
	 * A counter whose tags tell good from bad, e.g. {@code orders.saga.completed{outcome}}.
	 *
	 * @param meter the Micrometer name, e.g. {@code orders.saga.completed}
	 * @param errorTags an event is bad when any of these tags has one of the listed values
	 */
	record CounterRatio(String meter, Map<String, List<String>> errorTags) implements Sli {

		/** The Prometheus series name Micrometer exports the counter as. */
		public String prometheusName() {
			String name = this.meter.replace('.', '_').replace('-', '_');
			return name.endsWith("_total") ? name : name + "_total";
		}

		/** Whether an event with these tag values is bad. */
		public boolean isError(java.util.function.Function<String, String> tags) {
			for (Map.Entry<String, List<String>> entry : this.errorTags.entrySet()) {
				String value = tags.apply(entry.getKey());
				if (value != null && entry.getValue().contains(value)) {
					return true;
				}
			}
			return false;
		}

	}

}
