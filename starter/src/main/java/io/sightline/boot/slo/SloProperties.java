package io.sightline.boot.slo;

import java.time.Duration;

import io.sightline.boot.SelfValidatingProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;

/**
 * {@code sightline.slo.*}: in-process SLO error ratios and burn rates.
 */
@ConfigurationProperties(prefix = SloProperties.PREFIX, ignoreUnknownFields = false)
public class SloProperties extends SelfValidatingProperties {

	public static final String PREFIX = "sightline.slo";

	/** Default of {@link #getSpec()}: one spec per service, named after spring.application.name. */
	public static final String DEFAULT_SPEC = "classpath:slo/${spring.application.name}.yml";

	/**
	 * Whether to compute the service's SLO error ratios and burn rates in-process, over the page windows
	 * (5m and 1h), with the same model and math as the Prometheus rule generator. Published as the
	 * sightline_slo_burn_rate and sightline_slo_error_ratio gauges and as the health component "slo",
	 * whose status is BURNING while the page condition holds. BURNING answers HTTP 200 and does not
	 * change the aggregate /actuator/health status, unless it is added to
	 * management.endpoint.health.status.order (e.g. down,out-of-service,burning,up) and, for another
	 * HTTP status, to management.endpoint.health.status.http-mapping.burning. Anonymous callers get 404
	 * from /actuator/health/slo while management.endpoint.health.show-components is when-authorized
	 * (Sightline's default). Off when the spec resource does not exist.
	 */
	private boolean enabled = true;

	/**
	 * Resource location of the service's SLO spec (sightline/v1 or Sloth prometheus/v1 YAML, the file
	 * the rule generator reads). Placeholders are resolved. When the resource does not exist, in-process
	 * SLOs are off; when it is invalid, startup fails naming every problem. Events and raw (PromQL) SLIs
	 * are left to Prometheus.
	 */
	private String spec = DEFAULT_SPEC;

	/**
	 * How often the SLO meters are sampled, on one background thread. Between 1s and 1m.
	 */
	private Duration sampleInterval = Duration.ofSeconds(10);

	/**
	 * SLO period (error budget period); the page threshold follows from it (14.4 for 30d). Use the
	 * generator's period. At least 3d.
	 */
	private Duration period = Duration.ofDays(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getSpec() {
		return this.spec;
	}

	public void setSpec(String spec) {
		this.spec = spec;
	}

	public Duration getSampleInterval() {
		return this.sampleInterval;
	}

	public void setSampleInterval(Duration sampleInterval) {
		this.sampleInterval = sampleInterval;
	}

	public Duration getPeriod() {
		return this.period;
	}

	public void setPeriod(Duration period) {
		this.period = period;
	}

	@Override
	protected void validate(Errors errors) {
		if (this.spec == null || this.spec.isBlank()) {
			reject(errors, "spec", "blank", "must be a resource location such as classpath:slo/orders.yml");
		}
		if (this.sampleInterval == null || this.sampleInterval.compareTo(Duration.ofSeconds(1)) < 0
				|| this.sampleInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			reject(errors, "sample-interval", "range", "must be between 1s and 1m");
		}
		if (this.period == null || this.period.compareTo(Duration.ofDays(3)) < 0) {
			reject(errors, "period", "min", "must be at least 3d (the longest alert window)");
		}
	}

}
