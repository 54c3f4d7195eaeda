package io.sightline.otel.config;

import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CuratedInstrumentationCustomizerProviderTests {

	@Test
	void offWhenTheUserTurnsItOff() {
		assertThat(CuratedInstrumentationCustomizerProvider
			.curated(DefaultConfigProperties.createFromMap(Map.of("sightline.instrumentation.curated", "false"))))
			.isEmpty();
	}

	@Test
	void byDefaultDisablesTheRestAndEnablesTheCuratedSet() {
		Map<String, String> settings = CuratedInstrumentationCustomizerProvider
			.curated(DefaultConfigProperties.createFromMap(Map.of()));
		assertThat(settings).containsEntry("otel.instrumentation.common.default-enabled", "false")
			.containsEntry("otel.instrumentation.spring-webmvc.enabled", "true")
			.containsEntry("otel.instrumentation.opentelemetry-api.enabled", "true")
			.containsEntry("otel.instrumentation.logback-mdc.enabled", "true")
			.containsEntry("otel.instrumentation.kafka-clients.enabled", "true")
			.containsEntry("otel.instrumentation.jdbc.enabled", "true")
			// off in the stock agent too: a span for every DataSource.getConnection
			.doesNotContainKey("otel.instrumentation.jdbc-datasource.enabled")
			.doesNotContainKey("otel.instrumentation.hibernate.enabled");
	}

	@Test
	void userChoicesAreLeftAlone() {
		Map<String, String> settings = CuratedInstrumentationCustomizerProvider
			.curated(DefaultConfigProperties.createFromMap(Map.of("sightline.instrumentation.curated", "true",
					"otel.instrumentation.jdbc.enabled", "false")));
		assertThat(settings).doesNotContainKey("otel.instrumentation.jdbc.enabled");
	}

}
