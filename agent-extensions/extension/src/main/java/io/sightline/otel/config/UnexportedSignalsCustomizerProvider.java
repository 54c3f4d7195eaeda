package io.sightline.otel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Turns off the instrumentations whose only output is a signal nobody exports. With Sightline's
 * defaults logs go out through the starter's ECS encoder and metrics through Micrometer, so the agent's
 * log appenders would still build an OpenTelemetry log record for every log line (and its pool and
 * runtime metrics would still be instrumented) only for a no-op exporter to drop it. An exporter the
 * user configures brings them back, and a user's own {@code otel.instrumentation.<name>.enabled} wins.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class UnexportedSignalsCustomizerProvider implements AutoConfigurationCustomizerProvider {

	/** Instrumentations that only emit log records. */
	public static final List<String> LOG_ONLY_INSTRUMENTATIONS = List.of("logback-appender", "log4j-appender",
			"java-util-logging", "jboss-logmanager-appender");

	/** Instrumentations that only emit metrics: JVM runtime, host and connection-pool metrics. */
	public static final List<String> METRICS_ONLY_INSTRUMENTATIONS = List.of("runtime-telemetry", "oshi", "hikaricp",
			"c3p0", "apache-dbcp", "tomcat-dbcp", "tomcat-jdbc", "vibur-dbcp", "oracle-ucp", "alibaba-druid");

	static Map<String, String> withoutUnexported(ConfigProperties config) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (exportsNothing(config, "otel.logs.exporter")) {
			disable(config, LOG_ONLY_INSTRUMENTATIONS, settings);
		}
		if (exportsNothing(config, "otel.metrics.exporter")) {
			disable(config, METRICS_ONLY_INSTRUMENTATIONS, settings);
		}
		return settings;
	}

	private static boolean exportsNothing(ConfigProperties config, String exporterProperty) {
		List<String> exporters = config.getList(exporterProperty);
		return !exporters.isEmpty() && exporters.stream().allMatch("none"::equals);
	}

	private static void disable(ConfigProperties config, List<String> instrumentations, Map<String, String> settings) {
		for (String name : instrumentations) {
			String key = "otel.instrumentation." + name + ".enabled";
			if (config.getString(key) == null) {
				settings.put(key, "false");
			}
		}
	}

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addPropertiesCustomizer(UnexportedSignalsCustomizerProvider::withoutUnexported);
	}

	@Override
	public int order() {
		// after Sightline's defaults set the exporters to none, before the curated set enables its list
		return -50;
	}

}
