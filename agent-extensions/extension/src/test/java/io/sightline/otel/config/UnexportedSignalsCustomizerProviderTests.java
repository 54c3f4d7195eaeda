package io.sightline.otel.config;

import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnexportedSignalsCustomizerProviderTests {

	private static Map<String, String> settings(Map<String, String> config) {
		return UnexportedSignalsCustomizerProvider.withoutUnexported(DefaultConfigProperties.createFromMap(config));
	}

	@Test
	void noLogExporterTurnsTheLogAppendersOff() {
		assertThat(settings(Map.of("otel.logs.exporter", "none", "otel.metrics.exporter", "otlp")))
			.containsEntry("otel.instrumentation.logback-appender.enabled", "false")
			.containsEntry("otel.instrumentation.log4j-appender.enabled", "false")
			.containsEntry("otel.instrumentation.java-util-logging.enabled", "false")
			.doesNotContainKey("otel.instrumentation.logback-mdc.enabled")
			.doesNotContainKey("otel.instrumentation.hikaricp.enabled");
	}

	@Test
	void noMetricsExporterTurnsTheMetricsOnlyInstrumentationsOff() {
		assertThat(settings(Map.of("otel.logs.exporter", "otlp", "otel.metrics.exporter", "none")))
			.containsEntry("otel.instrumentation.runtime-telemetry.enabled", "false")
			.containsEntry("otel.instrumentation.hikaricp.enabled", "false")
			.doesNotContainKey("otel.instrumentation.logback-appender.enabled")
			.doesNotContainKey("otel.instrumentation.jdbc.enabled");
	}

	@Test
	void exportedSignalsAndTheUsersOwnChoicesAreLeftAlone() {
		assertThat(settings(Map.of("otel.logs.exporter", "otlp", "otel.metrics.exporter", "prometheus"))).isEmpty();
		// "none" together with a real exporter still exports
		assertThat(settings(Map.of("otel.logs.exporter", "none,console", "otel.metrics.exporter", "otlp"))).isEmpty();
		assertThat(settings(Map.of("otel.logs.exporter", "none", "otel.metrics.exporter", "otlp",
				"otel.instrumentation.logback-appender.enabled", "true")))
			.doesNotContainKey("otel.instrumentation.logback-appender.enabled")
			.containsEntry("otel.instrumentation.log4j-appender.enabled", "false");
	}

}
