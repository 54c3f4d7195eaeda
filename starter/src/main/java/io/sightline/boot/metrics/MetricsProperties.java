package io.sightline.boot.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.boot.SelfValidatingProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;

/**
 * {@code sightline.metrics.*}: histogram buckets, the cardinality guard and the release info gauge.
 */
@ConfigurationProperties(prefix = MetricsProperties.PREFIX, ignoreUnknownFields = false)
public class MetricsProperties extends SelfValidatingProperties {

	public static final String PREFIX = "sightline.metrics";

	/**
	 * Histogram buckets published for http.server.requests and http.client.requests. SLO latency
	 * thresholds must be one of these.
	 */
	private List<Duration> sloBuckets = new ArrayList<>(io.sightline.slo.SloBuckets.HTTP_DEFAULT);

	/**
	 * Maximum distinct tag combinations per meter name. Further combinations are denied and counted
	 * in sightline_metrics_cardinality_denied_total.
	 */
	private int maxSeriesPerMeter = 1000;

	/**
	 * Whether to publish the sightline_release_info gauge (version and release id as labels).
	 */
	private boolean releaseInfo = true;

	public List<Duration> getSloBuckets() {
		return this.sloBuckets;
	}

	public void setSloBuckets(List<Duration> sloBuckets) {
		this.sloBuckets = sloBuckets;
	}

	public int getMaxSeriesPerMeter() {
		return this.maxSeriesPerMeter;
	}

	public void setMaxSeriesPerMeter(int maxSeriesPerMeter) {
		this.maxSeriesPerMeter = maxSeriesPerMeter;
	}

	public boolean isReleaseInfo() {
		return this.releaseInfo;
	}

	public void setReleaseInfo(boolean releaseInfo) {
		this.releaseInfo = releaseInfo;
	}

	@Override
	protected void validate(Errors errors) {
		if (this.maxSeriesPerMeter < 1) {
			reject(errors, "max-series-per-meter", "min", "must be at least 1");
		}
		if (this.sloBuckets == null || this.sloBuckets.isEmpty() || this.sloBuckets.stream()
			.anyMatch((bucket) -> bucket == null || bucket.isNegative() || bucket.isZero())) {
			reject(errors, "slo-buckets", "positive", "must be a non-empty list of positive durations");
		}
	}

}
