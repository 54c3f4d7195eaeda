package io.sightline.boot.events;

import java.time.Duration;

import io.sightline.boot.SelfValidatingProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;

/**
 * {@code sightline.events.*}: deployment events written to InfluxDB.
 */
@ConfigurationProperties(prefix = EventsProperties.PREFIX, ignoreUnknownFields = false)
public class EventsProperties extends SelfValidatingProperties {

	public static final String PREFIX = "sightline.events";

	private final Influx influx = new Influx();

	public Influx getInflux() {
		return this.influx;
	}

	/**
	 * Deployment events (release started/stopped, circuit-breaker transitions, health changes) written
	 * as points of the sightline_events measurement with influxdb-client-java's batching, bounded,
	 * non-blocking write API (Influx v2 write protocol: InfluxDB 2, or VictoriaMetrics' /api/v2/write).
	 */
	public static class Influx {

		/**
		 * Whether to write deployment events to InfluxDB (needs com.influxdb:influxdb-client-java on the
		 * class path).
		 */
		private boolean enabled;

		/**
		 * Base URL of the InfluxDB 2 API; points go to {url}/api/v2/write?org=&bucket=.
		 */
		private String url = "http://localhost:8086";

		/**
		 * Organization written to.
		 */
		private String org = "sightline";

		/**
		 * Bucket written to.
		 */
		private String bucket = "sightline";

		/**
		 * API token (sent as "Authorization: Token ..."); may be empty for servers without authentication
		 * such as VictoriaMetrics.
		 */
		private String token;

		/**
		 * Maximum number of points per write request.
		 */
		private int batchSize = 100;

		/**
		 * Longest time a point waits in a partial batch before it is written.
		 */
		private Duration flushInterval = Duration.ofSeconds(1);

		/**
		 * Maximum number of points buffered while InfluxDB is slow or down; beyond it the oldest are
		 * dropped and counted in sightline_events_dropped_total.
		 */
		private int bufferLimit = 10000;

		/**
		 * Delay before the first retry of a failed write; later retries back off exponentially up to
		 * max-retry-delay.
		 */
		private Duration retryInterval = Duration.ofSeconds(5);

		/**
		 * Longest delay between two retries of a failed write.
		 */
		private Duration maxRetryDelay = Duration.ofSeconds(30);

		/**
		 * How often the aggregate health status is polled; a change is written as a health event.
		 */
		private Duration healthInterval = Duration.ofSeconds(5);

		void validate(Errors errors, EventsProperties owner) {
			if (!this.enabled) {
				return;
			}
			if (this.url == null || !this.url.trim().matches("(?i)https?://\\S+")) {
				owner.reject(errors, "influx.url", "url", "must be an http(s) URL such as http://localhost:8086");
			}
			if (this.org == null || this.org.isBlank()) {
				owner.reject(errors, "influx.org", "blank", "must not be blank");
			}
			if (this.bucket == null || this.bucket.isBlank()) {
				owner.reject(errors, "influx.bucket", "blank", "must not be blank");
			}
			if (this.batchSize < 1) {
				owner.reject(errors, "influx.batch-size", "min", "must be at least 1");
			}
			if (this.bufferLimit < Math.max(1, this.batchSize)) {
				owner.reject(errors, "influx.buffer-limit", "min", "must be at least batch-size");
			}
			owner.requirePositive(errors, "influx.flush-interval", this.flushInterval);
			owner.requirePositive(errors, "influx.retry-interval", this.retryInterval);
			owner.requirePositive(errors, "influx.max-retry-delay", this.maxRetryDelay);
			owner.requirePositive(errors, "influx.health-interval", this.healthInterval);
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getOrg() {
			return this.org;
		}

		public void setOrg(String org) {
			this.org = org;
		}

		public String getBucket() {
			return this.bucket;
		}

		public void setBucket(String bucket) {
			this.bucket = bucket;
		}

		public String getToken() {
			return this.token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

		public int getBufferLimit() {
			return this.bufferLimit;
		}

		public void setBufferLimit(int bufferLimit) {
			this.bufferLimit = bufferLimit;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		public Duration getMaxRetryDelay() {
			return this.maxRetryDelay;
		}

		public void setMaxRetryDelay(Duration maxRetryDelay) {
			this.maxRetryDelay = maxRetryDelay;
		}

		public Duration getHealthInterval() {
			return this.healthInterval;
		}

		public void setHealthInterval(Duration healthInterval) {
			this.healthInterval = healthInterval;
		}

	}

	@Override
	protected void validate(Errors errors) {
		this.influx.validate(errors, this);
	}

}
