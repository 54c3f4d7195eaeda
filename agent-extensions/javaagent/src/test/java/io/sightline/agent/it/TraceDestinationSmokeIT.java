package io.sightline.agent.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.agent.it.app.SmokeApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ItTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One setting chooses where traces go, with the agent as without it: the app is started with the
 * Sightline javaagent and nothing else but {@code management.tracing.export.zipkin.endpoint}, the
 * agentless property, and its spans reach that Zipkin. With nothing at all, the agent exports nothing
 * (no failing OTLP exports to localhost, no stack traces) and the starter says so once, in JSON; it
 * does too when the property is set where only Spring sees it.
 */
@ExtendWith(SharedZipkin.class)
class TraceDestinationSmokeIT {

	private static final String PROPERTY = "management.tracing.export.zipkin.endpoint";

	@Test
	void theAgentlessZipkinEndpointIsWhereTheAgentSendsSpans(RestartableZipkin zipkin) throws Exception {
		String service = "smoke-trace-destination";
		ForkedApp app = startWithAgent(service, List.of("-D" + PROPERTY + "=" + zipkin.spansEndpoint()), List.of(), null);
		try {
			String orderId = AbstractAgentSmokeIT.nonce("ord-destination");
			AbstractAgentSmokeIT.assertOk(app.get("/orders/" + orderId));
			String traceId = AbstractAgentSmokeIT
				.traceIdOf(AbstractAgentSmokeIT.awaitLogLine(app, "order " + orderId + " looked up"));
			// the batch processor's default delay (5 s): nothing but the endpoint is configured
			String trace = await("trace " + traceId + " in Zipkin").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> zipkin.trace(traceId), (json) -> json != null && json.contains("/orders/" + orderId));
			assertThat(AbstractAgentSmokeIT.spans(trace)).as("spans of trace %s", traceId)
				.anyMatch((span) -> service.equals(span.path("localEndpoint").path("serviceName").asString("")));
			assertThat(warningsNaming(app)).as("WARN lines naming %s", PROPERTY).isEmpty();
		}
		finally {
			app.close();
			keepLogs(app, service);
		}
	}

	@Test
	void withNothingConfiguredOneJsonWarningNamesThePropertyAndNothingFailsToExport() throws Exception {
		String service = "smoke-trace-nowhere";
		Path errors = Files.createTempFile("sightline-" + service + "-", ".err");
		ForkedApp app = startWithAgent(service, List.of(), List.of(), errors);
		try {
			AbstractAgentSmokeIT.assertOk(app.get("/orders/1"));
			AbstractAgentSmokeIT.traceIdOf(AbstractAgentSmokeIT.awaitLogLine(app, "order 1 looked up"));
			// past the batch processor's 5 s delay: an exporter, had there been one, would have run
			Thread.sleep(6000);
		}
		finally {
			// the shutdown flush too
			app.close();
			keepLogs(app, service);
		}
		List<JsonNode> warnings = warningsNaming(app);
		assertThat(warnings).as("WARN lines naming %s", PROPERTY).hasSize(1);
		assertThat(warnings.get(0).path("message").asString("")).startsWith("Traces are not exported")
			.contains("set " + PROPERTY);
		List<String> stdout = app.rawOutputLines();
		assertThat(stdout).as("stdout lines that are not JSON objects").allMatch((line) -> line.startsWith("{"));
		String stderr = Files.readString(errors, StandardCharsets.UTF_8);
		assertThat(stderr).as("stderr").contains("opentelemetry-javaagent - version").doesNotContain("Failed to export")
			.doesNotContain("4318")
			.doesNotContainPattern("(?m)^\\s+at ");
		Files.deleteIfExists(errors);
	}

	@Test
	void anEndpointOnlySpringCanSeeIsNoLongerIgnoredSilently(RestartableZipkin zipkin) throws Exception {
		String service = "smoke-trace-unseen";
		// a command-line argument reaches Spring's environment, never the agent
		ForkedApp app = startWithAgent(service, List.of(), List.of("--" + PROPERTY + "=" + zipkin.spansEndpoint()), null);
		try {
			AbstractAgentSmokeIT.assertOk(app.get("/actuator/health"));
		}
		finally {
			app.close();
			keepLogs(app, service);
		}
		assertThat(warningsNaming(app)).as("WARN lines naming %s", PROPERTY)
			.singleElement()
			.satisfies((line) -> assertThat(line.path("message").asString(""))
				.contains(PROPERTY + "=" + zipkin.spansEndpoint() + " is set where the agent cannot read it"));
	}

	/** The smoke app with the Sightline javaagent and nothing else but these options and arguments. */
	private static ForkedApp startWithAgent(String service, List<String> jvmOptions, List<String> appArgs, Path errors)
			throws Exception {
		List<String> options = new ArrayList<>(List.of("-javaagent:" + AbstractAgentSmokeIT.sightlineAgentJar()));
		options.addAll(jvmOptions);
		return ForkedApp.start(ItTools.javaBin(), SmokeApplication.class.getName(), service, options, appArgs,
				"/actuator/health", errors);
	}

	private static List<JsonNode> warningsNaming(ForkedApp app) throws Exception {
		return app.jsonLogLines()
			.stream()
			.filter((line) -> "WARN".equals(line.path("log.level").asString("")))
			.filter((line) -> line.path("message").asString("").contains(PROPERTY))
			.toList();
	}

	private static void keepLogs(ForkedApp app, String service) throws Exception {
		Path logs = Path.of("target", "smoke-logs");
		Files.createDirectories(logs);
		Files.write(logs.resolve(service + ".log"), app.rawOutput());
	}

}
