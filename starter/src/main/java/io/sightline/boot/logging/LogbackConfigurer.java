package io.sightline.boot.logging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import io.sightline.identity.SightlineIdentity;
import net.logstash.logback.appender.LogstashTcpSocketAppender;

/**
 * Applies Sightline's logging to a Logback context that Spring Boot has just initialised: ECS JSON on
 * the console, and optionally non-blocking TCP shipping to Logstash and a rolling JSON file.
 */
public final class LogbackConfigurer {

	/** Name of Spring Boot's default console appender. */
	static final String BOOT_CONSOLE = "CONSOLE";

	/** Name of Spring Boot's file appender (logging.file.name / logging.file.path). */
	static final String BOOT_FILE = "FILE";

	public static final String LOGSTASH_APPENDER = "SIGHTLINE_LOGSTASH";

	public static final String FILE_APPENDER = "SIGHTLINE_FILE";

	static final long SHUTDOWN_GRACE_MILLIS = 2000;

	private LogbackConfigurer() {
	}

	public static void configure(LoggerContext context, SightlineIdentity identity,
			LoggingProperties logging) {
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> console = root.getAppender(BOOT_CONSOLE);
		// Only Boot's own appenders are rewritten; a user's logback config is left alone.
		if (console instanceof OutputStreamAppender<ILoggingEvent> stream) {
			if (logging.getConsole() == LoggingProperties.ConsoleFormat.JSON) {
				stream.stop();
				stream.setEncoder(EcsEncoders.create(context, identity, logging));
				stream.start();
			}
			else {
				redactTextPatterns(context, logging);
				restartPatternEncoder(stream);
			}
		}
		if (root.getAppender(BOOT_FILE) instanceof OutputStreamAppender<ILoggingEvent> bootFile) {
			redactTextPatterns(context, logging);
			restartPatternEncoder(bootFile);
		}
		replace(root, LOGSTASH_APPENDER, logstash(context, identity, logging));
		replace(root, FILE_APPENDER, file(context, identity, logging));
	}

	/**
	 * Makes {@code %m} and the exception conversion words of every pattern in this context go through
	 * the redaction policy (Boot's text console and file); context rules win over Logback's defaults.
	 */
	private static void redactTextPatterns(LoggerContext context, LoggingProperties logging) {
		@SuppressWarnings("unchecked")
		Map<String, Supplier<DynamicConverter>> rules = (Map<String, Supplier<DynamicConverter>>) context
			.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
		if (rules == null) {
			rules = new HashMap<>();
			context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
		}
		int maxMessage = logging.getMaxMessageLength();
		int maxTrace = logging.getMaxStackTraceLength();
		for (String word : List.of("m", "msg", "message")) {
			rules.put(word, () -> new RedactingMessageConverter(maxMessage));
		}
		for (String word : List.of("ex", "exception", "throwable", "xEx", "xException", "xThrowable")) {
			rules.put(word, () -> new RedactingThrowableConverter(false, maxTrace));
		}
		for (String word : List.of("wex", "wEx")) {
			rules.put(word, () -> new RedactingThrowableConverter(true, maxTrace));
		}
	}

	private static void restartPatternEncoder(OutputStreamAppender<ILoggingEvent> appender) {
		if (appender.getEncoder() instanceof PatternLayoutEncoder encoder) {
			appender.stop();
			encoder.stop();
			// start() parses the pattern again, now against the redacting rules
			encoder.start();
			appender.start();
		}
	}

	private static void replace(Logger root, String name, Appender<ILoggingEvent> appender) {
		Appender<ILoggingEvent> previous = root.getAppender(name);
		if (previous != null) {
			root.detachAppender(previous);
			previous.stop();
		}
		if (appender != null) {
			root.addAppender(appender);
		}
	}

	private static Appender<ILoggingEvent> logstash(LoggerContext context, SightlineIdentity identity,
			LoggingProperties logging) {
		LoggingProperties.Logstash settings = logging.getLogstash();
		if (settings.getDestinations() == null || settings.getDestinations().isEmpty()) {
			return null;
		}
		LogstashTcpSocketAppender appender = new LogstashTcpSocketAppender();
		appender.setName(LOGSTASH_APPENDER);
		appender.setContext(context);
		for (String destination : settings.getDestinations()) {
			try {
				appender.addDestination(destination.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"sightline.logging.logstash.destinations: invalid destination '" + destination + "'", ex);
			}
		}
		appender.setEncoder(EcsEncoders.create(context, identity, logging));
		appender.setRingBufferSize(settings.getRingBufferSize());
		// Zero: a full buffer drops the event at once instead of making the caller wait.
		appender.setAppendTimeout(Duration.buildByMilliseconds(0));
		appender.setReconnectionDelay(Duration.buildByMilliseconds(settings.getReconnectionDelay().toMillis()));
		appender.setKeepAliveDuration(Duration.buildByMilliseconds(settings.getKeepAlive().toMillis()));
		appender.setConnectionTimeout(Duration.buildByMilliseconds(settings.getConnectTimeout().toMillis()));
		appender.setWriteTimeout(Duration.buildByMilliseconds(settings.getWriteTimeout().toMillis()));
		// Bounded flush at shutdown: a dead Logstash must not hold the JVM for the default minute.
		appender.setShutdownGracePeriod(Duration.buildByMilliseconds(SHUTDOWN_GRACE_MILLIS));
		appender.addListener(new LogDropCounter());
		appender.start();
		return appender;
	}

	private static Appender<ILoggingEvent> file(LoggerContext context, SightlineIdentity identity,
			LoggingProperties logging) {
		String path = logging.getFile().getPath();
		if (path == null || path.isBlank()) {
			return null;
		}
		RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
		appender.setName(FILE_APPENDER);
		appender.setContext(context);
		appender.setFile(path);
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
		policy.setContext(context);
		policy.setParent(appender);
		policy.setFileNamePattern(path + ".%d{yyyy-MM-dd}.%i.gz");
		policy.setMaxFileSize(FileSize.valueOf(logging.getFile().getMaxFileSize()));
		policy.setMaxHistory(logging.getFile().getMaxHistory());
		policy.start();
		appender.setRollingPolicy(policy);
		appender.setEncoder(EcsEncoders.create(context, identity, logging));
		appender.start();
		return appender;
	}

}
