package io.sightline.boot.logging;

import java.util.TimeZone;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import io.sightline.identity.SightlineIdentity;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Builds the ECS JSON encoder (logstash-logback-encoder's composite encoder with ECS field names),
 * one JSON object per line.
 */
public final class EcsEncoders {

	private EcsEncoders() {
	}

	/** A started encoder for one appender (encoders are not shared between appenders). */
	public static LoggingEventCompositeJsonEncoder create(Context context, SightlineIdentity identity,
			LoggingProperties logging) {
		LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
		LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
		timestamp.setFieldName("@timestamp");
		timestamp.setTimeZone(TimeZone.getTimeZone("UTC").getID());
		add(providers, timestamp);
		LogLevelJsonProvider level = new LogLevelJsonProvider();
		level.setFieldName("log.level");
		add(providers, level);
		add(providers, new RedactedMessageJsonProvider(logging.getMaxMessageLength()));
		add(providers, new EcsIdentityJsonProvider(identity));
		LoggingEventThreadNameJsonProvider thread = new LoggingEventThreadNameJsonProvider();
		thread.setFieldName("process.thread.name");
		add(providers, thread);
		LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
		logger.setFieldName("log.logger");
		add(providers, logger);
		add(providers, new TraceContextJsonProvider());
		add(providers, new LabelsJsonProvider());
		add(providers, new EcsErrorJsonProvider(logging.getMaxMessageLength(), logging.getMaxStackTraceLength()));

		LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
		encoder.setContext(context);
		encoder.setProviders(providers);
		encoder.setLineSeparator("UNIX");
		encoder.start();
		return encoder;
	}

	private static void add(LoggingEventJsonProviders providers, JsonProvider<ILoggingEvent> provider) {
		providers.addProvider(provider);
	}

}
