package io.sightline.agent.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.agent.it.app.SmokeApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ItTools;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Smoke tests of the Sightline extension in a real agent, on a real Boot 4 app, against a real Zipkin:
 * the identity on every span (acceptance 1) and no spans for actuator traffic (acceptance 2). One app
 * launch per subclass; subclasses choose how the agent and the extension are attached, and the JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedZipkin.class)
abstract class AbstractAgentSmokeIT {

	/** Passed as -Dsightline.environment: the agent's system properties and Spring's environment see it. */
	static final String ENVIRONMENT = "smoke";

	/** build.version of the test resources' META-INF/build-info.properties. */
	static final String VERSION = "2.0.0-smoke";

	final String releaseId = "rel-" + UUID.randomUUID().toString().substring(0, 8);

	RestartableZipkin zipkin;

	ForkedApp app;

	/** spring.application.name, lower case as Zipkin stores it, and unique per test class. */
	abstract String serviceName();

	/** JVM options that attach the agent and the extension under test. */
	abstract List<String> agentOptions();

	/** The java executable that runs the app; subclasses may assume another JDK. */
	String javaBin() {
		return ItTools.javaBin();
	}

	@BeforeAll
	void startApp(RestartableZipkin zipkin) throws Exception {
		this.zipkin = zipkin;
		String java = javaBin();
		List<String> jvmOptions = new ArrayList<>(agentOptions());
		jvmOptions.addAll(telemetryOptions(zipkin, this.releaseId));
		this.app = ForkedApp.start(java, SmokeApplication.class.getName(), serviceName(), jvmOptions, List.of(),
				"/actuator/health");
	}

	@AfterAll
	void stopApp() throws Exception {
		if (this.app != null) {
			// kept for whoever reads a failure: the app's and the agent's console output
			Path logs = Path.of("target", "smoke-logs");
			Files.createDirectories(logs);
			Files.write(logs.resolve(serviceName() + ".log"), this.app.rawOutput());
			this.app.close();
		}
	}

	/**
	 * What a user of the Sightline agent configures: the Zipkin exporter, the identity inputs and the
	 * headers to capture. Sampler, propagators and the metrics/logs exporters are left to the extension's
	 * defaults. A short batch delay keeps the tests fast.
	 */
	static List<String> telemetryOptions(RestartableZipkin zipkin, String releaseId) {
		return List.of("-Dotel.traces.exporter=zipkin", "-Dotel.exporter.zipkin.endpoint=" + zipkin.spansEndpoint(),
				"-Dotel.bsp.schedule.delay=200",
				"-Dotel.instrumentation.http.server.capture-request-headers=authorization,x-card",
				"-Dsightline.environment=" + ENVIRONMENT, "-Dsightline.release.id=" + releaseId);
	}

	/** target/sightline-javaagent.jar, as the package phase built it. */
	static Path sightlineAgentJar() {
		Path jar = Path.of(System.getProperty("sightline.javaagent.jar", "target/sightline-javaagent.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": run the tests through Maven (mvnw verify)");
		}
		return jar.toAbsolutePath();
	}

	// Acceptance 1

	@Test
	void everySpanCarriesTheIdentityTheStarterWritesToLogsAndMetrics() throws Exception {
		String orderId = nonce("ord");
		assertThat(this.app.get("/orders/" + orderId).statusCode()).isEqualTo(200);
		JsonNode log = awaitLogLine("order " + orderId + " looked up");
		String traceId = traceIdOf(log);
		// the server span, and the JDBC span below it: only the resource puts the identity on the latter
		List<JsonNode> spans = awaitTrace(traceId, (trace) -> hasKind(trace, "SERVER") && hasKind(trace, "CLIENT"));

		// the starter's identity, from the same inputs
		String serviceName = log.path("service.name").asString("");
		String environment = log.path("service.environment").asString("");
		String version = log.path("service.version").asString("");
		String release = log.path("labels.release_id").asString("");
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(serviceName).as("service.name in the log line").isEqualTo(serviceName());
		softly.assertThat(environment).as("service.environment in the log line").isEqualTo(ENVIRONMENT);
		softly.assertThat(version).as("service.version in the log line").isEqualTo(VERSION);
		softly.assertThat(release).as("labels.release_id in the log line").isEqualTo(this.releaseId);

		Map<String, String> releaseInfo = releaseInfoLabels(this.app.get("/actuator/prometheus").body());
		softly.assertThat(releaseInfo).as("labels of sightline_release_info")
			.containsEntry("release_id", release)
			.containsEntry("version", version)
			.containsEntry("env", environment)
			.containsEntry("application", serviceName);

		for (JsonNode span : spans) {
			String what = describe(span);
			JsonNode tags = span.path("tags");
			softly.assertThat(span.path("localEndpoint").path("serviceName").asString(""))
				.as("service.name of %s", what)
				.isEqualTo(serviceName);
			softly.assertThat(tags.path("deployment.environment.name").asString(null))
				.as("deployment.environment.name on %s", what)
				.isEqualTo(environment);
			softly.assertThat(tags.path("service.version").asString(null))
				.as("service.version on %s", what)
				.isEqualTo(version);
			softly.assertThat(tags.path("sightline.release.id").asString(null))
				.as("sightline.release.id on %s", what)
				.isEqualTo(release);
			softly.assertThat(tags.path("service.instance.id").asString(""))
				.as("service.instance.id on %s", what)
				.isNotBlank();
		}
		softly.assertAll();
	}

	// Acceptance 2

	@Test
	void actuatorRequestsProduceNoSpansWhileBusinessRequestsDo() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(this.app.get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(this.app.get("/actuator/prometheus").statusCode()).isEqualTo(200);
		}
		String orderId = nonce("ord-after-actuator");
		assertThat(this.app.get("/orders/" + orderId).statusCode()).isEqualTo(200);
		String traceId = traceIdOf(awaitLogLine("order " + orderId + " looked up"));
		awaitTrace(traceId, (trace) -> hasKind(trace, "SERVER"));
		// spans are exported in the order they end: the actuator ones, earlier, have had every chance
		Thread.sleep(1000);

		List<JsonNode> spans = spansOfService();
		List<String> actuatorSpans = new ArrayList<>();
		for (JsonNode span : spans) {
			if (span.toString().contains("/actuator")) {
				actuatorSpans.add(describe(span) + " " + span.path("tags"));
			}
		}
		assertThat(actuatorSpans)
			.as("spans of /actuator/health (polled at startup, then 3 times) and /actuator/prometheus (3 times)")
			.isEmpty();
		assertThat(spans).as("server spans of the business request /orders/%s", orderId)
			.anyMatch((span) -> "SERVER".equals(span.path("kind").asString(""))
					&& ("/orders/" + orderId).equals(span.path("tags").path("url.path").asString("")));
	}

	// helpers

	static String nonce(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The app's JSON log line whose message contains the text, once the app has written it. */
	JsonNode awaitLogLine(String messagePart) {
		return awaitLogLine(this.app, messagePart);
	}

	/** The app's JSON log line whose message contains the text, once the app has written it. */
	static JsonNode awaitLogLine(ForkedApp app, String messagePart) {
		return await("log line containing '" + messagePart + "'").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> findLogLine(app, messagePart), (line) -> line != null);
	}

	private static JsonNode findLogLine(ForkedApp app, String messagePart) throws IOException {
		for (JsonNode line : app.jsonLogLines()) {
			if (line.path("message").asString("").contains(messagePart)) {
				return line;
			}
		}
		return null;
	}

	static String traceIdOf(JsonNode logLine) {
		String traceId = logLine.path("trace.id").asString("");
		assertThat(traceId).as("trace.id of the request's log line %s", logLine).matches("[0-9a-f]{32}");
		return traceId;
	}

	/** The spans of a trace, once Zipkin has all that the check asks for. */
	List<JsonNode> awaitTrace(String traceId, Predicate<List<JsonNode>> complete) {
		String json = await("trace " + traceId + " in Zipkin").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.zipkin.trace(traceId), (trace) -> trace != null && complete.test(spans(trace)));
		return spans(json);
	}

	/** Every span of this class's service that Zipkin holds. */
	List<JsonNode> spansOfService() throws Exception {
		List<JsonNode> spans = new ArrayList<>();
		for (JsonNode trace : ForkedApp.parse(this.zipkin.traces(serviceName()))) {
			trace.forEach(spans::add);
		}
		return spans;
	}

	static List<JsonNode> spans(String traceJson) {
		List<JsonNode> spans = new ArrayList<>();
		ForkedApp.parse(traceJson).forEach(spans::add);
		return spans;
	}

	static boolean hasKind(List<JsonNode> spans, String kind) {
		return spans.stream().anyMatch((span) -> kind.equals(span.path("kind").asString("")));
	}

	static String describe(JsonNode span) {
		return span.path("kind").asString("INTERNAL") + " span '" + span.path("name").asString("") + "' ("
				+ span.path("id").asString("") + ")";
	}

	private static final Pattern RELEASE_INFO = Pattern.compile("^sightline_release_info\\{([^}]*)}",
			Pattern.MULTILINE);

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/** The labels of the sightline_release_info series of a Prometheus scrape. */
	static Map<String, String> releaseInfoLabels(String scrape) {
		Matcher series = RELEASE_INFO.matcher(scrape);
		assertThat(series.find()).as("sightline_release_info in /actuator/prometheus").isTrue();
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher label = LABEL.matcher(series.group(1));
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

	static void assertOk(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(200);
	}

}
