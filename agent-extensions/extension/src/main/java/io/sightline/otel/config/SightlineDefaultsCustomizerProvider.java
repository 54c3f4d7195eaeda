package io.sightline.otel.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Sightline's defaults for the agent. A properties supplier has the lowest precedence, so every one of
 * them can be overridden with the usual {@code -Dotel.*} or {@code OTEL_*} settings.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class SightlineDefaultsCustomizerProvider implements AutoConfigurationCustomizerProvider {

	/** The defaults, in one place for the tests and the docs. */
	public static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("otel.traces.sampler", "sightline");
		// Metrics go through Micrometer/Prometheus and logs through Logstash: nothing is exported twice.
		defaults.put("otel.metrics.exporter", "none");
		defaults.put("otel.logs.exporter", "none");
		// otel.traces.exporter is not a fixed default: TracesDestination chooses it (Zipkin from the
		// starter's management.tracing.export.zipkin.endpoint, OTLP when its endpoint is set, else none).
		// Produce W3C, and still join callers that only speak B3.
		defaults.put("otel.propagators", "tracecontext,baggage,b3multi");
		// The MDC keys the starter's ECS encoder maps to trace.id / span.id.
		defaults.put("otel.instrumentation.common.logging.trace-id-key", "trace_id");
		defaults.put("otel.instrumentation.common.logging.span-id-key", "span_id");
		defaults.put("otel.instrumentation.common.logging.trace-flags-key", "trace_flags");
		// Bounded spans: a huge attribute or a runaway loop of events costs memory and export bandwidth.
		defaults.put("otel.attribute.value.length.limit", "4096");
		defaults.put("otel.span.attribute.count.limit", "128");
		defaults.put("otel.span.event.count.limit", "128");
		defaults.put("otel.span.link.count.limit", "128");
		return defaults;
	}

	/** Prefix of the per-logger levels of the agent's own ("simple") logging, read when a logger is created. */
	static final String AGENT_LOGGER_LEVEL = "io.opentelemetry.javaagent.slf4j.simpleLogger.log.";

	/**
	 * Levels of the agent's own loggers, as system properties. The W3C baggage parser logs a WARN with
	 * a stack trace for every malformed member, so one hostile {@code baggage} header costs about 20
	 * plain-text lines per request; the member is skipped either way.
	 */
	public static Map<String, String> agentLoggerLevels() {
		return Map.of(AGENT_LOGGER_LEVEL + "io.opentelemetry.javaagent.shaded.io.opentelemetry.api.baggage.propagation.Parser",
				"error");
	}

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addPropertiesSupplier(SightlineDefaultsCustomizerProvider::defaults);
		autoConfiguration.addPropertiesCustomizer(SightlineDefaultsCustomizerProvider::tracesDestination);
		// before any request: the parser's logger is created on the first baggage header
		agentLoggerLevels().forEach((key, level) -> {
			if (System.getProperty(key) == null) {
				System.setProperty(key, level);
			}
		});
	}

	/** The exporter and endpoint settings of {@link TracesDestination}, announced for the starter. */
	static Map<String, String> tracesDestination(ConfigProperties config) {
		TracesDestination destination = TracesDestination.resolve(config, ClassLoader.getSystemClassLoader());
		destination.announce();
		return destination.settings(config);
	}

	@Override
	public int order() {
		// run early, so other customizers see the defaults
		return -100;
	}

}
