package io.sightline.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.redaction.RedactionSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Every {@code sightline.*} property. Unknown keys under {@code sightline.} in the application's
 * configuration fail startup, so a typo is reported with the property's name instead of being silently
 * ignored. Environment variables and system properties are exempt, as in Spring Boot: they are shared
 * with the agent extension, which has keys of its own.
 */
@ConfigurationProperties(prefix = SightlineProperties.PREFIX, ignoreUnknownFields = false)
public class SightlineProperties implements Validator {

	public static final String PREFIX = "sightline";

	/**
	 * Deployment environment, published as deployment.environment.name (spans), service.environment (logs)
	 * and the env tag (metrics).
	 */
	private String environment = "local";

	/**
	 * Override for service.instance.id. By default it is derived from host, pid and JVM start time, so
	 * the starter and the agent extension compute the same value.
	 */
	private String instanceId;

	private final Release release = new Release();

	private final Metrics metrics = new Metrics();

	private final Logging logging = new Logging();

	private final Tracing tracing = new Tracing();

	private final Redaction redaction = new Redaction();

	private final Slo slo = new Slo();

	private final ServiceGraph serviceGraph = new ServiceGraph();

	private final Events events = new Events();

	/**
	 * Binds {@code sightline.*} from an environment before the application context exists (logging is
	 * configured that early), with the same strictness as the bean.
	 */
	public static SightlineProperties bind(ConfigurableEnvironment environment) {
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter());
		return binder.bindOrCreate(PREFIX, Bindable.of(SightlineProperties.class),
				new ValidationBindHandler(strict, new SightlineProperties()));
	}

	@Override
	public boolean supports(Class<?> clazz) {
		return SightlineProperties.class.isAssignableFrom(clazz);
	}

	/**
	 * Self-validation (no Bean Validation needed on the class path): a bad value fails startup with the
	 * property's name instead of failing later, per event or per request.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		SightlineProperties properties = (SightlineProperties) target;
		Metrics metrics = properties.getMetrics();
		if (metrics.getMaxSeriesPerMeter() < 1) {
			reject(errors, "metrics.max-series-per-meter", "min", "must be at least 1");
		}
		if (metrics.getSloBuckets() == null || metrics.getSloBuckets().isEmpty()
				|| metrics.getSloBuckets().stream().anyMatch((bucket) -> bucket == null || bucket.isNegative()
						|| bucket.isZero())) {
			reject(errors, "metrics.slo-buckets", "positive", "must be a non-empty list of positive durations");
		}
		Logging logging = properties.getLogging();
		if (logging.getMaxMessageLength() < 1) {
			reject(errors, "logging.max-message-length", "min", "must be at least 1");
		}
		if (logging.getMaxStackTraceLength() < 1) {
			reject(errors, "logging.max-stack-trace-length", "min", "must be at least 1");
		}
		Logging.Logstash logstash = logging.getLogstash();
		if (logstash.getRingBufferSize() < 1 || Integer.bitCount(logstash.getRingBufferSize()) != 1) {
			reject(errors, "logging.logstash.ring-buffer-size", "powerOfTwo", "must be a power of 2");
		}
		requirePositive(errors, "logging.logstash.reconnection-delay", logstash.getReconnectionDelay());
		requireNotNegative(errors, "logging.logstash.keep-alive", logstash.getKeepAlive());
		requireNotNegative(errors, "logging.logstash.connect-timeout", logstash.getConnectTimeout());
		requireNotNegative(errors, "logging.logstash.write-timeout", logstash.getWriteTimeout());
		if (logstash.getDestinations() != null
				&& logstash.getDestinations().stream().anyMatch((d) -> d == null || d.isBlank())) {
			reject(errors, "logging.logstash.destinations", "blank", "must not contain blank entries");
		}
		Logging.File file = logging.getFile();
		if (file.getMaxHistory() < 0) {
			reject(errors, "logging.file.max-history", "min", "must not be negative");
		}
		if (file.getMaxFileSize() == null || !file.getMaxFileSize().trim().matches("(?i)\\d+\\s*(kb|mb|gb)?")) {
			reject(errors, "logging.file.max-file-size", "size", "must be a size such as 50MB, 512KB or 1GB");
		}
		Slo slo = properties.getSlo();
		if (slo.getSpec() == null || slo.getSpec().isBlank()) {
			reject(errors, "slo.spec", "blank", "must be a resource location such as classpath:slo/orders.yml");
		}
		if (slo.getSampleInterval() == null || slo.getSampleInterval().compareTo(Duration.ofSeconds(1)) < 0
				|| slo.getSampleInterval().compareTo(Duration.ofMinutes(1)) > 0) {
			reject(errors, "slo.sample-interval", "range", "must be between 1s and 1m");
		}
		if (slo.getPeriod() == null || slo.getPeriod().compareTo(Duration.ofDays(3)) < 0) {
			reject(errors, "slo.period", "min", "must be at least 3d (the longest alert window)");
		}
		properties.getEvents().getInflux().validate(errors);
	}

	/** Rejects a field with a message that starts with the full property name. */
	private static void reject(Errors errors, String field, String code, String message) {
		errors.rejectValue(field, code, PREFIX + "." + field + " " + message);
	}

	private static void requirePositive(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			reject(errors, field, "positive", "must be a positive duration");
		}
	}

	private static void requireNotNegative(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative()) {
			reject(errors, field, "notNegative", "must be a duration of zero or more");
		}
	}

	public String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(String environment) {
		this.environment = environment;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(String instanceId) {
		this.instanceId = instanceId;
	}

	public Release getRelease() {
		return this.release;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Tracing getTracing() {
		return this.tracing;
	}

	public Redaction getRedaction() {
		return this.redaction;
	}

	public Slo getSlo() {
		return this.slo;
	}

	public ServiceGraph getServiceGraph() {
		return this.serviceGraph;
	}

	public Events getEvents() {
		return this.events;
	}

	public static class Release {

		/**
		 * Unique id of this release (also SIGHTLINE_RELEASE_ID). When unset it is derived from
		 * git.properties and the build time of build-info.
		 */
		private String id;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

	}

	public static class Metrics {

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

	}

	public static class Logging {

		/**
		 * Whether Sightline configures Logback (ECS JSON console, Logstash shipping, file output).
		 */
		private boolean enabled = true;

		/**
		 * Console output format: JSON (ECS, one object per line) or TEXT (Boot's human-readable pattern, still
		 * redacted, with CR and LF escaped).
		 */
		private ConsoleFormat console = ConsoleFormat.JSON;

		/**
		 * Messages longer than this many characters are truncated, with a marker.
		 */
		private int maxMessageLength = 8192;

		/**
		 * Stack traces longer than this many characters are truncated, with a marker.
		 */
		private int maxStackTraceLength = 16384;

		private final Logstash logstash = new Logstash();

		private final File file = new File();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public ConsoleFormat getConsole() {
			return this.console;
		}

		public void setConsole(ConsoleFormat console) {
			this.console = console;
		}

		public int getMaxMessageLength() {
			return this.maxMessageLength;
		}

		public void setMaxMessageLength(int maxMessageLength) {
			this.maxMessageLength = maxMessageLength;
		}

		public int getMaxStackTraceLength() {
			return this.maxStackTraceLength;
		}

		public void setMaxStackTraceLength(int maxStackTraceLength) {
			this.maxStackTraceLength = maxStackTraceLength;
		}

		public Logstash getLogstash() {
			return this.logstash;
		}

		public File getFile() {
			return this.file;
		}

		public enum ConsoleFormat {

			/** ECS JSON, one object per line. */
			JSON,
			/** Spring Boot's default text pattern, for local development; messages and stack traces are still redacted. */
			TEXT

		}

		public static class Logstash {

			/**
			 * Logstash TCP json_lines destinations as host:port; empty disables shipping.
			 */
			private List<String> destinations = new ArrayList<>();

			/**
			 * Events buffered while Logstash is slow or down. When full, events are dropped (never
			 * blocking the caller) and counted in sightline_logging_dropped_total. Must be a power of 2.
			 */
			private int ringBufferSize = 8192;

			/**
			 * Delay between reconnection attempts.
			 */
			private Duration reconnectionDelay = Duration.ofSeconds(1);

			/**
			 * Interval of keep-alive messages on an idle connection.
			 */
			private Duration keepAlive = Duration.ofSeconds(30);

			/**
			 * Timeout to connect to a destination.
			 */
			private Duration connectTimeout = Duration.ofSeconds(2);

			/**
			 * Timeout of a blocked write; the connection is reopened after it.
			 */
			private Duration writeTimeout = Duration.ofSeconds(5);

			public List<String> getDestinations() {
				return this.destinations;
			}

			public void setDestinations(List<String> destinations) {
				this.destinations = destinations;
			}

			public int getRingBufferSize() {
				return this.ringBufferSize;
			}

			public void setRingBufferSize(int ringBufferSize) {
				this.ringBufferSize = ringBufferSize;
			}

			public Duration getReconnectionDelay() {
				return this.reconnectionDelay;
			}

			public void setReconnectionDelay(Duration reconnectionDelay) {
				this.reconnectionDelay = reconnectionDelay;
			}

			public Duration getKeepAlive() {
				return this.keepAlive;
			}

			public void setKeepAlive(Duration keepAlive) {
				this.keepAlive = keepAlive;
			}

			public Duration getConnectTimeout() {
				return this.connectTimeout;
			}

			public void setConnectTimeout(Duration connectTimeout) {
				this.connectTimeout = connectTimeout;
			}

			public Duration getWriteTimeout() {
				return this.writeTimeout;
			}

			public void setWriteTimeout(Duration writeTimeout) {
				this.writeTimeout = writeTimeout;
			}

		}

		public static class File {

			/**
			 * Path of a rolling ECS JSON log file; unset disables file output.
			 */
			private String path;

			/**
			 * Size at which the file rolls over.
			 */
			private String maxFileSize = "50MB";

			/**
			 * Number of rolled files kept.
			 */
			private int maxHistory = 7;

			public String getPath() {
				return this.path;
			}

			public void setPath(String path) {
				this.path = path;
			}

			public String getMaxFileSize() {
				return this.maxFileSize;
			}

			public void setMaxFileSize(String maxFileSize) {
				this.maxFileSize = maxFileSize;
			}

			public int getMaxHistory() {
				return this.maxHistory;
			}

			public void setMaxHistory(int maxHistory) {
				this.maxHistory = maxHistory;
			}

		}

	}

	public static class Tracing {

		/**
		 * AUTO detects the OpenTelemetry javaagent; AGENT and AGENTLESS force a mode.
		 */
		private TracingMode mode = TracingMode.AUTO;

		public TracingMode getMode() {
			return this.mode;
		}

		public void setMode(TracingMode mode) {
			this.mode = mode;
		}

		public enum TracingMode {

			/** Use the agent when it is attached, else Micrometer Tracing with Brave. */
			AUTO,
			/** The agent owns spans; the starter creates none. */
			AGENT,
			/** Micrometer Tracing with Brave, reporting to Zipkin. */
			AGENTLESS

		}

	}

	public static class Redaction {

		/**
		 * Whether the redaction policy is applied to log events and span attributes.
		 */
		private boolean enabled = true;

		/**
		 * Mask Luhn-valid card numbers.
		 */
		private boolean cardNumbers = true;

		/**
		 * Mask JSON Web Tokens.
		 */
		private boolean jwts = true;

		/**
		 * Mask Bearer and Basic credentials.
		 */
		private boolean bearerTokens = true;

		/**
		 * Mask values of password=, secret=, token= style pairs in free text.
		 */
		private boolean keyValues = true;

		/**
		 * Extra sensitive keys, added to the built-in ones (password, secret, token, ...).
		 */
		private List<String> sensitiveKeys = new ArrayList<>();

		/**
		 * Field paths whose values are always masked, e.g. labels.user_email or an MDC key.
		 */
		private List<String> fieldPaths = new ArrayList<>();

		/**
		 * Extra regular expressions; every match is masked.
		 */
		private List<String> patterns = new ArrayList<>();

		/**
		 * Text that replaces a masked value.
		 */
		private String replacement = "[REDACTED]";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isCardNumbers() {
			return this.cardNumbers;
		}

		public void setCardNumbers(boolean cardNumbers) {
			this.cardNumbers = cardNumbers;
		}

		public boolean isJwts() {
			return this.jwts;
		}

		public void setJwts(boolean jwts) {
			this.jwts = jwts;
		}

		public boolean isBearerTokens() {
			return this.bearerTokens;
		}

		public void setBearerTokens(boolean bearerTokens) {
			this.bearerTokens = bearerTokens;
		}

		public boolean isKeyValues() {
			return this.keyValues;
		}

		public void setKeyValues(boolean keyValues) {
			this.keyValues = keyValues;
		}

		public List<String> getSensitiveKeys() {
			return this.sensitiveKeys;
		}

		public void setSensitiveKeys(List<String> sensitiveKeys) {
			this.sensitiveKeys = sensitiveKeys;
		}

		public List<String> getFieldPaths() {
			return this.fieldPaths;
		}

		public void setFieldPaths(List<String> fieldPaths) {
			this.fieldPaths = fieldPaths;
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

		public String getReplacement() {
			return this.replacement;
		}

		public void setReplacement(String replacement) {
			this.replacement = replacement;
		}

		/** These properties as the settings that the agent extension reads too. */
		public RedactionSettings toSettings() {
			return new RedactionSettings(this.enabled, this.cardNumbers, this.jwts, this.bearerTokens, this.keyValues,
					this.sensitiveKeys, this.fieldPaths, this.patterns, this.replacement);
		}

	}

	public static class Slo {

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

	}

	public static class ServiceGraph {

		/**
		 * Whether to record service-graph edges on the server side of every inbound HTTP request and
		 * consumed Kafka record: sightline_service_graph_requests_total and
		 * sightline_service_graph_request_duration_seconds, labelled client, server, connection_type
		 * (http or messaging) and failed. The client is the W3C baggage entry sightline.caller that the
		 * calling service sets; Sightline services set it to their own name on each inbound request and
		 * consumed record (and on produced records), so a service map can be drawn from metrics alone.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class Events {

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

			void validate(Errors errors) {
				if (!this.enabled) {
					return;
				}
				if (this.url == null || !this.url.trim().matches("(?i)https?://\\S+")) {
					reject(errors, "events.influx.url", "url", "must be an http(s) URL such as http://localhost:8086");
				}
				if (this.org == null || this.org.isBlank()) {
					reject(errors, "events.influx.org", "blank", "must not be blank");
				}
				if (this.bucket == null || this.bucket.isBlank()) {
					reject(errors, "events.influx.bucket", "blank", "must not be blank");
				}
				if (this.batchSize < 1) {
					reject(errors, "events.influx.batch-size", "min", "must be at least 1");
				}
				if (this.bufferLimit < Math.max(1, this.batchSize)) {
					reject(errors, "events.influx.buffer-limit", "min", "must be at least batch-size");
				}
				requirePositive(errors, "events.influx.flush-interval", this.flushInterval);
				requirePositive(errors, "events.influx.retry-interval", this.retryInterval);
				requirePositive(errors, "events.influx.max-retry-delay", this.maxRetryDelay);
				requirePositive(errors, "events.influx.health-interval", this.healthInterval);
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

	}

}
