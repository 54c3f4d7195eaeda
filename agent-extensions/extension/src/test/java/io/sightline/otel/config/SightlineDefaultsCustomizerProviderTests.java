package io.sightline.otel.config;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's real autoconfiguration with our SPIs on the class path (as the agent runs them). */
class SightlineDefaultsCustomizerProviderTests {

	@Test
	void defaultsApplyAndUserSettingsWin() {
		AtomicReference<ConfigProperties> seenConfig = new AtomicReference<>();
		AtomicReference<Resource> seenResource = new AtomicReference<>();
		// what a user passes with -D: must win over Sightline's defaults
		System.setProperty("otel.traces.exporter", "none");
		System.setProperty("otel.propagators", "tracecontext");
		AutoConfiguredOpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
			.addPropertiesCustomizer((config) -> {
				seenConfig.set(config);
				return Map.of();
			})
			.addResourceCustomizer((resource, config) -> {
				seenResource.set(resource);
				return resource;
			})
			.disableShutdownHook()
			.build();
		try {
			ConfigProperties config = seenConfig.get();
			assertThat(config.getString("otel.traces.sampler")).isEqualTo("sightline");
			assertThat(config.getString("otel.metrics.exporter")).isEqualTo("none");
			assertThat(config.getString("otel.logs.exporter")).isEqualTo("none");
			assertThat(config.getString("otel.instrumentation.common.logging.trace-id-key")).isEqualTo("trace_id");
			assertThat(config.getInt("otel.attribute.value.length.limit")).isEqualTo(4096);
			// nothing exports logs or metrics by default: their only-emitting instrumentations are off in
			// the final config the agent reads, which takes the customizers' order (defaults, then these)
			ConfigProperties finalConfig = io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil.getConfig(sdk);
			assertThat(finalConfig.getString("otel.instrumentation.logback-appender.enabled")).isEqualTo("false");
			assertThat(finalConfig.getString("otel.instrumentation.runtime-telemetry.enabled")).isEqualTo("false");
			// and the curated set is on by default
			assertThat(finalConfig.getString("otel.instrumentation.common.default-enabled")).isEqualTo("false");
			assertThat(finalConfig.getString("otel.instrumentation.logback-mdc.enabled")).isEqualTo("true");
			// set by the "user" here: wins over Sightline's default
			assertThat(config.getString("otel.propagators")).isEqualTo("tracecontext");
			assertThat(sdk.getOpenTelemetrySdk().getSdkTracerProvider().toString()).contains("SightlinePathDrop");
			assertThat(seenResource.get().getAttribute(io.opentelemetry.api.common.AttributeKey
				.stringKey("sightline.release.id"))).isNotBlank();
		}
		finally {
			sdk.getOpenTelemetrySdk().close();
			System.clearProperty("otel.traces.exporter");
			System.clearProperty("otel.propagators");
		}
	}

	@Test
	void theBaggageParsersStackTracePerMalformedMemberIsSilencedUnlessTheUserSetItsLevel() {
		String key = SightlineDefaultsCustomizerProvider.AGENT_LOGGER_LEVEL
				+ "io.opentelemetry.javaagent.shaded.io.opentelemetry.api.baggage.propagation.Parser";
		System.clearProperty(key);
		System.setProperty("otel.traces.exporter", "none");
		System.setProperty("otel.propagators", "tracecontext");
		try {
			AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build().getOpenTelemetrySdk().close();
			assertThat(System.getProperty(key)).isEqualTo("error");
			System.setProperty(key, "debug");
			AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build().getOpenTelemetrySdk().close();
			assertThat(System.getProperty(key)).isEqualTo("debug");
		}
		finally {
			System.clearProperty(key);
			System.clearProperty("otel.traces.exporter");
			System.clearProperty("otel.propagators");
		}
	}

	@Test
	void withNoTraceDestinationTheAgentExportsNothingAndSaysSo() {
		System.setProperty("otel.propagators", "tracecontext");
		AutoConfiguredOpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build();
		try {
			ConfigProperties finalConfig = io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil.getConfig(sdk);
			assertThat(finalConfig.getString("otel.traces.exporter")).isEqualTo("none");
			assertThat(System.getProperty(TracesDestination.SOURCE_ANNOUNCEMENT)).isEqualTo(TracesDestination.UNCONFIGURED);
		}
		finally {
			sdk.getOpenTelemetrySdk().close();
			System.clearProperty("otel.propagators");
			System.clearProperty(TracesDestination.EXPORTER_ANNOUNCEMENT);
			System.clearProperty(TracesDestination.SOURCE_ANNOUNCEMENT);
		}
	}

	@Test
	void theStartersZipkinEndpointChoosesTheExporterAndAnExplicitExporterWins() {
		String endpoint = "http://127.0.0.1:9/api/v2/spans";
		System.setProperty(TracesDestination.ZIPKIN_ENDPOINT, endpoint);
		System.setProperty("otel.propagators", "tracecontext");
		// the user's explicit choice (the zipkin exporter itself is not on this class path)
		System.setProperty("otel.traces.exporter", "none");
		AutoConfiguredOpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build();
		try {
			ConfigProperties finalConfig = io.opentelemetry.sdk.autoconfigure.internal.AutoConfigureUtil.getConfig(sdk);
			assertThat(finalConfig.getString("otel.traces.exporter")).isEqualTo("none");
			assertThat(System.getProperty(TracesDestination.SOURCE_ANNOUNCEMENT)).isEqualTo("otel.traces.exporter");
			assertThat(SightlineDefaultsCustomizerProvider.tracesDestination(DefaultConfigProperties.createFromMap(
					Map.of(TracesDestination.ZIPKIN_ENDPOINT, endpoint)))).containsExactlyInAnyOrderEntriesOf(
							Map.of("otel.traces.exporter", "zipkin", "otel.exporter.zipkin.endpoint", endpoint));
		}
		finally {
			sdk.getOpenTelemetrySdk().close();
			System.clearProperty(TracesDestination.ZIPKIN_ENDPOINT);
			System.clearProperty("otel.propagators");
			System.clearProperty("otel.traces.exporter");
			System.clearProperty(TracesDestination.EXPORTER_ANNOUNCEMENT);
			System.clearProperty(TracesDestination.ZIPKIN_ENDPOINT_ANNOUNCEMENT);
			System.clearProperty(TracesDestination.SOURCE_ANNOUNCEMENT);
		}
	}

	@Test
	void propagatorsAcceptB3ByDefault() {
		assertThat(SightlineDefaultsCustomizerProvider.defaults()).containsEntry("otel.propagators",
				"tracecontext,baggage,b3multi");
	}

}
