package io.sightline.otel.config;

import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CuratedInstrumentationCustomizerProviderTests {

	@Test
	void offByDefault() {
		assertThat(CuratedInstrumentationCustomizerProvider.curated(DefaultConfigProperties.createFromMap(Map.of())))
			.isEmpty();
	}

	@Test
	void optInDisablesTheRestAndEnablesTheCuratedSet() {
		Map<String, String> settings = CuratedInstrumentationCustomizerProvider
			.curated(DefaultConfigProperties.createFromMap(Map.of("sightline.instrumentation.curated", "true")));
		assertThat(settings).containsEntry("otel.instrumentation.common.default-enabled", "false")
			.containsEntry("otel.instrumentation.spring-webmvc.enabled", "true")
			.containsEntry("otel.instrumentation.opentelemetry-api.enabled", "true")
			.containsEntry("otel.instrumentation.logback-mdc.enabled", "true")
			.doesNotContainKey("otel.instrumentation.grpc.enabled");
	}

	@Test
	void userChoicesAreLeftAlone() {
		Map<String, String> settings = CuratedInstrumentationCustomizerProvider
			.curated(DefaultConfigProperties.createFromMap(Map.of("sightline.instrumentation.curated", "true",
					"otel.instrumentation.jdbc.enabled", "false")));
		assertThat(settings).doesNotContainKey("otel.instrumentation.jdbc.enabled");
	}

}
