package io.sightline.boot.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.boot.SelfValidatingProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;

/**
 * {@code sightline.logging.*}: the ECS JSON console, Logstash shipping and file output.
 */
@ConfigurationProperties(prefix = LoggingProperties.PREFIX, ignoreUnknownFields = false)
public class LoggingProperties extends SelfValidatingProperties {

	public static final String PREFIX = "sightline.logging";

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

	@Override
	protected void validate(Errors errors) {
		if (this.maxMessageLength < 1) {
			reject(errors, "max-message-length", "min", "must be at least 1");
		}
		if (this.maxStackTraceLength < 1) {
			reject(errors, "max-stack-trace-length", "min", "must be at least 1");
		}
		if (this.logstash.getRingBufferSize() < 1 || Integer.bitCount(this.logstash.getRingBufferSize()) != 1) {
			reject(errors, "logstash.ring-buffer-size", "powerOfTwo", "must be a power of 2");
		}
		requirePositive(errors, "logstash.reconnection-delay", this.logstash.getReconnectionDelay());
		requireNotNegative(errors, "logstash.keep-alive", this.logstash.getKeepAlive());
		requireNotNegative(errors, "logstash.connect-timeout", this.logstash.getConnectTimeout());
		requireNotNegative(errors, "logstash.write-timeout", this.logstash.getWriteTimeout());
		if (this.logstash.getDestinations() != null
				&& this.logstash.getDestinations().stream().anyMatch((d) -> d == null || d.isBlank())) {
			reject(errors, "logstash.destinations", "blank", "must not contain blank entries");
		}
		if (this.file.getMaxHistory() < 0) {
			reject(errors, "file.max-history", "min", "must not be negative");
		}
		if (this.file.getMaxFileSize() == null
				|| !this.file.getMaxFileSize().trim().matches("(?i)\\d+\\s*(kb|mb|gb)?")) {
			reject(errors, "file.max-file-size", "size", "must be a size such as 50MB, 512KB or 1GB");
		}
	}

}
