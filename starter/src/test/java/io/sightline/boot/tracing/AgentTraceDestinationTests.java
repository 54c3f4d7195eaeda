package io.sightline.boot.tracing;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class AgentTraceDestinationTests {

	private static final String ZIPKIN = "http://zipkin:9411/api/v2/spans";

	/** What Sightline's agent announces, plus the application's own properties. */
	private static Optional<String> warning(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (int i = 0; i < properties.length; i += 2) {
			environment.setProperty(properties[i], properties[i + 1]);
		}
		return AgentTraceDestination.warning(environment);
	}

	@Test
	void noDestinationAtAllNamesThePropertyToSet() {
		assertThat(warning("io.sightline.otel.traces-exporter", "none", "io.sightline.otel.traces-source", "unconfigured"))
			.hasValueSatisfying((message) -> assertThat(message).startsWith("Traces are not exported")
				.contains("set management.tracing.export.zipkin.endpoint")
				.contains("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT")
				.contains("otel.exporter.otlp.endpoint"));
	}

	@Test
	void anEndpointTheAgentCouldNotReadIsNamedWithItsValue() {
		assertThat(warning("io.sightline.otel.traces-exporter", "none", "io.sightline.otel.traces-source", "unconfigured",
				"management.tracing.export.zipkin.endpoint", ZIPKIN))
			.hasValueSatisfying((message) -> assertThat(message)
				.contains("management.tracing.export.zipkin.endpoint=" + ZIPKIN + " is set where the agent cannot read it"));
	}

	@Test
	void theAgentExportingToTheSameEndpointIsFineAndSoIsAnExplicitChoiceWithoutIt() {
		assertThat(warning("io.sightline.otel.traces-exporter", "zipkin", "io.sightline.otel.traces-zipkin-endpoint", ZIPKIN,
				"io.sightline.otel.traces-source", "management.tracing.export.zipkin.endpoint",
				"management.tracing.export.zipkin.endpoint", ZIPKIN))
			.isEmpty();
		assertThat(warning("io.sightline.otel.traces-exporter", "otlp", "io.sightline.otel.traces-source",
				"otel.exporter.otlp.endpoint"))
			.isEmpty();
		assertThat(warning("io.sightline.otel.traces-exporter", "none", "io.sightline.otel.traces-source",
				"otel.traces.exporter"))
			.isEmpty();
	}

	@Test
	void anOtelSettingThatOverridesTheEndpointIsSaid() {
		assertThat(warning("io.sightline.otel.traces-exporter", "otlp", "io.sightline.otel.traces-source",
				"otel.exporter.otlp.endpoint", "management.tracing.export.zipkin.endpoint", ZIPKIN))
			.hasValue("Traces go to the 'otlp' exporter, not to management.tracing.export.zipkin.endpoint=" + ZIPKIN
					+ ": the agent's otel.traces.exporter / otel.exporter.* settings win over it");
		assertThat(warning("io.sightline.otel.traces-exporter", "zipkin", "io.sightline.otel.traces-zipkin-endpoint",
				"http://other:9411/api/v2/spans", "io.sightline.otel.traces-source", "otel.traces.exporter",
				"management.tracing.export.zipkin.endpoint", ZIPKIN))
			.hasValueSatisfying((message) -> assertThat(message).startsWith("Traces go to Zipkin at http://other:9411"));
	}

	@Test
	void theStockAgentIgnoresTheEndpointUnlessItsOwnSettingMatches() {
		assertThat(warning("management.tracing.export.zipkin.endpoint", ZIPKIN)).hasValueSatisfying(
				(message) -> assertThat(message).contains("the OpenTelemetry agent does not read it")
					.contains("-Dotel.exporter.zipkin.endpoint=" + ZIPKIN));
		assertThat(warning("management.tracing.export.zipkin.endpoint", ZIPKIN, "otel.exporter.zipkin.endpoint", ZIPKIN))
			.isEmpty();
		assertThat(warning()).isEmpty();
	}

	@Test
	void anEndpointThatIsNotAUrlFailsNamingTheProperty() {
		for (String bad : new String[] { "zipkin:9411", "ftp://zipkin/api", "http://" }) {
			assertThatIllegalStateException().isThrownBy(() -> warning("management.tracing.export.zipkin.endpoint", bad))
				.withMessageStartingWith("Invalid management.tracing.export.zipkin.endpoint: '" + bad + "'");
		}
	}

	@Test
	void inAgentModeTheWarningIsLoggedOnceAndABadEndpointFailsStartup(CapturedOutput output) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AgentModeAutoConfiguration.class))
			.withPropertyValues("sightline.tracing.mode=agent", "io.sightline.otel.traces-exporter=none",
					"io.sightline.otel.traces-source=unconfigured");
		runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().split("Traces are not exported: no trace destination is configured", -1)).hasSize(2);
		runner.withPropertyValues("management.tracing.export.zipkin.endpoint=zipkin:9411")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Invalid management.tracing.export.zipkin.endpoint: 'zipkin:9411'"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AgentModeAutoConfiguration.class))
			.withPropertyValues("sightline.tracing.mode=agentless", "management.tracing.export.zipkin.endpoint=zipkin:9411")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
