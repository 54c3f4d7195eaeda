package io.sightline.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every {@code sightline.*} property. Unknown keys under {@code sightline.} in the application's
 * configuration fail startup, so a typo is reported with the property's name instead of being silently
 * ignored. Environment variables and system properties are exempt, as in Spring Boot: they are shared
 * with the agent extension, which has keys of its own.
 */
@ConfigurationProperties(prefix = SightlineProperties.PREFIX, ignoreUnknownFields = false)
public class SightlineProperties {

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

	/**
	 * Binds {@code sightline.*} from an environment before the application context exists (logging is
	 * configured that early), with the same strictness as the bean.
	 */
	public static SightlineProperties bind(ConfigurableEnvironment environment) {
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		return binder.bindOrCreate(PREFIX, Bindable.of(SightlineProperties.class),
				new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter()));
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
		private List<Duration> sloBuckets = new ArrayList<>(List.of(Duration.ofMillis(5), Duration.ofMillis(10),
				Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
				Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
				Duration.ofSeconds(10)));

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
		 * Console output format: JSON (ECS, one object per line) or TEXT (Boot's human-readable pattern).
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
			/** Spring Boot's default text pattern, for local development. */
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

	}

}
