package io.sightline.otel.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.sightline.otel.resource.SightlineResourceProviderTests.FilesLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracesDestinationTests {

	private static final String ZIPKIN = "http://zipkin.example:9411/api/v2/spans";

	private static final String OTHER = "http://other.example:9411/api/v2/spans";

	/** The settings the agent adds, and what it announces, for this configuration and these app files. */
	private static Map<String, String> outcome(Map<String, String> config, Map<String, String> files) {
		ConfigProperties properties = DefaultConfigProperties.createFromMap(config);
		TracesDestination destination = TracesDestination.resolve(properties, new FilesLoader(files));
		Map<String, String> outcome = new LinkedHashMap<>(destination.settings(properties));
		outcome.put("source", destination.source());
		outcome.put("exporter", destination.exporter());
		if (destination.zipkinEndpoint() != null) {
			outcome.put("zipkin", destination.zipkinEndpoint());
		}
		return outcome;
	}

	@Test
	void withNothingConfiguredTracesAreNotExportedInsteadOfFailingAgainstLocalhost() {
		assertThat(outcome(Map.of(), Map.of())).containsExactlyInAnyOrderEntriesOf(
				Map.of("otel.traces.exporter", "none", "exporter", "none", "source", "unconfigured"));
	}

	@Test
	void theStartersZipkinEndpointInApplicationPropertiesChoosesZipkin() {
		assertThat(outcome(Map.of(), Map.of("application.properties", "management.tracing.export.zipkin.endpoint=" + ZIPKIN)))
			.containsEntry("otel.traces.exporter", "zipkin")
			.containsEntry("otel.exporter.zipkin.endpoint", ZIPKIN)
			.containsEntry("source", "management.tracing.export.zipkin.endpoint");
	}

	@Test
	void insideABootJarToo() {
		assertThat(outcome(Map.of(),
				Map.of("BOOT-INF/classes/application.properties", "management.tracing.export.zipkin.endpoint=" + ZIPKIN)))
			.containsEntry("otel.exporter.zipkin.endpoint", ZIPKIN);
	}

	@Test
	void applicationYmlNestedOrDotted() {
		String nested = """
				# the service
				spring:
				  application:
				    name: orders
				management:
				  tracing:
				    sampling:
				      probability: 1.0
				    export:
				      zipkin:
				        endpoint: "%s"   # Zipkin
				""".formatted(ZIPKIN);
		assertThat(outcome(Map.of(), Map.of("application.yml", nested))).containsEntry("otel.exporter.zipkin.endpoint",
				ZIPKIN);
		String dotted = "management.tracing:\n  export.zipkin.endpoint: " + ZIPKIN + " # local\n";
		assertThat(outcome(Map.of(), Map.of("BOOT-INF/classes/application.yaml", dotted)))
			.containsEntry("otel.exporter.zipkin.endpoint", ZIPKIN);
	}

	@Test
	void applicationYmlThatThisReaderDoesNotUnderstandReadsAsAbsent() {
		// the same key under another parent, a later (maybe profile-specific) document, a flow mapping
		for (String yaml : new String[] { "other:\n  management:\n    tracing:\n      export:\n        zipkin:\n          endpoint: "
				+ ZIPKIN, "spring.application.name: a\n---\nmanagement.tracing.export.zipkin.endpoint: " + ZIPKIN,
				"management.tracing.export.zipkin: { endpoint: " + ZIPKIN + " }" }) {
			assertThat(outcome(Map.of(), Map.of("application.yml", yaml))).as(yaml).containsEntry("source", "unconfigured");
		}
	}

	@Test
	void systemPropertyOrEnvironmentBeatsTheApplicationsFilesAsInSpring() {
		// DefaultConfigProperties reads MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT under this same key
		assertThat(outcome(Map.of("management.tracing.export.zipkin.endpoint", OTHER),
				Map.of("application.properties", "management.tracing.export.zipkin.endpoint=" + ZIPKIN)))
			.containsEntry("otel.exporter.zipkin.endpoint", OTHER);
		assertThat(outcome(Map.of(), Map.of("application.properties", "management.tracing.export.zipkin.endpoint=" + ZIPKIN,
				"application.yml", "management.tracing.export.zipkin.endpoint: " + OTHER)))
			.containsEntry("otel.exporter.zipkin.endpoint", ZIPKIN);
	}

	@Test
	void theUsersOtelSettingsWin() {
		Map<String, String> files = Map.of("application.properties", "management.tracing.export.zipkin.endpoint=" + ZIPKIN);
		assertThat(outcome(Map.of("otel.traces.exporter", "otlp"), files))
			.containsExactlyInAnyOrderEntriesOf(Map.of("exporter", "otlp", "source", "otel.traces.exporter"));
		assertThat(outcome(Map.of("otel.exporter.otlp.endpoint", "http://collector:4318"), files))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("otel.traces.exporter", "otlp", "exporter", "otlp", "source", "otel.exporter.otlp.endpoint"));
		assertThat(outcome(Map.of("otel.exporter.zipkin.endpoint", OTHER), files)).containsEntry("otel.traces.exporter", "zipkin")
			.doesNotContainKey("otel.exporter.zipkin.endpoint")
			.containsEntry("zipkin", OTHER);
		// Zipkin chosen by the user, its endpoint from the starter's setting
		assertThat(outcome(Map.of("otel.traces.exporter", "zipkin"), files)).containsEntry("otel.exporter.zipkin.endpoint",
				ZIPKIN);
		assertThat(outcome(Map.of("otel.traces.exporter", "zipkin"), Map.of())).containsEntry("zipkin",
				"http://localhost:9411/api/v2/spans");
	}

	@Test
	void aValueThatIsNotAnHttpUrlIsNotUsed() {
		for (String bad : new String[] { "zipkin:9411", "ftp://zipkin/x", "http://", "${ZIPKIN_URL}", " " }) {
			assertThat(outcome(Map.of(), Map.of("application.properties", "management.tracing.export.zipkin.endpoint=" + bad)))
				.as(bad)
				.containsEntry("source", "unconfigured");
		}
	}

	@Test
	void theAnnouncementIsWhatTheStarterReads() {
		try {
			new TracesDestination("zipkin", ZIPKIN, "management.tracing.export.zipkin.endpoint").announce();
			assertThat(System.getProperty("io.sightline.otel.traces-exporter")).isEqualTo("zipkin");
			assertThat(System.getProperty("io.sightline.otel.traces-zipkin-endpoint")).isEqualTo(ZIPKIN);
			assertThat(System.getProperty("io.sightline.otel.traces-source"))
				.isEqualTo("management.tracing.export.zipkin.endpoint");
			new TracesDestination("none", null, "unconfigured").announce();
			assertThat(System.getProperty("io.sightline.otel.traces-zipkin-endpoint")).isNull();
		}
		finally {
			System.clearProperty(TracesDestination.EXPORTER_ANNOUNCEMENT);
			System.clearProperty(TracesDestination.ZIPKIN_ENDPOINT_ANNOUNCEMENT);
			System.clearProperty(TracesDestination.SOURCE_ANNOUNCEMENT);
		}
	}

}
