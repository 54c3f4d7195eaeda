package io.sightline.boot.logging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The context side of Sightline's logging. Logback itself is set up earlier, by
 * {@link SightlineLoggingApplicationListener} (logging starts before any bean exists); here the health
 * of log shipping becomes visible as {@code sightline_logging_dropped_total{reason}}.
 */
@AutoConfiguration
@ConditionalOnClass({ MeterRegistry.class, FunctionCounter.class,
		net.logstash.logback.appender.LogstashTcpSocketAppender.class })
@ConditionalOnBooleanProperty(name = "sightline.logging.enabled", matchIfMissing = true)
public class LoggingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "sightlineLoggingDropped")
	MeterBinder sightlineLoggingDropped() {
		return (registry) -> {
			FunctionCounter.builder("sightline.logging.dropped", LogDropCounter.class, (c) -> LogDropCounter.bufferFull())
				.description("Log events dropped on the way to Logstash")
				.tag("reason", "buffer_full")
				.register(registry);
			FunctionCounter.builder("sightline.logging.dropped", LogDropCounter.class, (c) -> LogDropCounter.sendFailed())
				.description("Log events dropped on the way to Logstash")
				.tag("reason", "send_failed")
				.register(registry);
		};
	}

}
