package io.sightline.agent.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built sightline-javaagent.jar, attached as a user would attach it (one -javaagent, no extension
 * option): acceptance 1 and 2 (inherited), 3 (redaction), 4 (log correlation) and 6 (Zipkin outage, last,
 * because it restarts the shared Zipkin).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SightlineJavaagentSmokeIT extends AbstractAgentSmokeIT {

	static final String CARD = "4111111111111111";

	static final String JWT_PAYLOAD = "eyJzdWIiOiJhbGljZSIsInJvbGUiOiJhZG1pbiJ9";

	static final String JWT_SIGNATURE = "c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";

	static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + JWT_PAYLOAD + "." + JWT_SIGNATURE;

	static final String PASSWORD = "hunter2";

	@Override
	String serviceName() {
		return "smoke-sightline-agent";
	}

	@Override
	List<String> agentOptions() {
		return List.of("-javaagent:" + sightlineAgentJar());
	}

	// Acceptance 3

	@Test
	void cardNumbersJwtsAndPasswordsNeverReachZipkin() throws Exception {
		String ref = nonce("pay");
		String query = "card=" + CARD + "&password=" + PASSWORD + "&token=" + JWT + "&ref=" + ref;
		HttpResponse<String> response = this.app.get("/pay?" + query,
				Map.of("Authorization", "Bearer " + JWT, "X-Card", CARD));
		assertOk(response);
		String traceId = traceIdOf(awaitLogLine("payment " + ref + " requested"));
		List<JsonNode> spans = awaitTrace(traceId, (trace) -> hasKind(trace, "SERVER") && hasKind(trace, "CLIENT"));
		assertThat(spans).as("the trace of GET /pay").anyMatch((span) -> span.toString().contains("/pay"));

		byte[] stored = this.zipkin.traceBytes(traceId);
		// bytes as they are, one char per byte: no decoding can hide a match
		String raw = new String(stored, StandardCharsets.ISO_8859_1);
		SoftAssertions softly = new SoftAssertions();
		for (String secret : List.of(CARD, "4111 1111 1111 1111", "4111-1111-1111-1111", JWT, JWT_PAYLOAD,
				JWT_SIGNATURE, PASSWORD)) {
			softly.assertThat(raw.contains(secret))
				.as("'%s' in Zipkin's JSON of trace %s, in: %s", secret, traceId, whereIs(secret, spans))
				.isFalse();
		}
		softly.assertAll();
		spans.forEach((span) -> System.out.println("redacted: " + describe(span) + " " + span.path("tags")));
	}

	// Acceptance 4

	@Test
	void theRequestsLogLineCarriesTheTraceIdOfItsZipkinTrace() throws Exception {
		String orderId = nonce("ord-log");
		assertOk(this.app.get("/orders/" + orderId));
		JsonNode log = awaitLogLine("order " + orderId + " looked up");
		String traceId = traceIdOf(log);
		String spanId = log.path("span.id").asString("");

		List<JsonNode> spans = awaitTrace(traceId, (trace) -> hasKind(trace, "SERVER"));
		JsonNode server = spans.stream()
			.filter((span) -> "SERVER".equals(span.path("kind").asString("")))
			.findFirst()
			.orElseThrow();
		assertThat(server.path("tags").path("url.path").asString(""))
			.as("Zipkin's trace %s is the request's", traceId)
			.isEqualTo("/orders/" + orderId);
		// the exemplar this request's latency sampled reads the span and leaves nothing on it
		assertThat(server.path("tags").has("exemplar")).as("tags %s", server.path("tags")).isFalse();
		assertThat(server.path("tags").has("otel.dropped_attributes_count")).as("tags %s", server.path("tags"))
			.isFalse();
		assertThat(spans).allSatisfy((span) -> assertThat(span.path("traceId").asString("")).isEqualTo(traceId));
		assertThat(spans.stream().map((span) -> span.path("id").asString("")).toList())
			.as("span.id %s of the log line among the trace's spans", spanId)
			.contains(spanId);
	}

	// Acceptance 6

	@Test
	@Order(Integer.MAX_VALUE)
	void aZipkinOutageNeitherFailsNorSlowsRequestsAndSpansFlowAgainAfterwards() throws Exception {
		RequestLoop before = new RequestLoop("ord-before");
		before.start();
		Thread.sleep(5000);
		List<Sample> baseline = before.stop();
		assertThat(baseline).as("requests before the outage").isNotEmpty().allMatch(Sample::ok);
		long slowestBefore = baseline.stream().mapToLong(Sample::millis).max().orElseThrow();

		RequestLoop during = new RequestLoop("ord-outage");
		during.start();
		long downSince;
		long upAgain;
		try {
			this.zipkin.stop();
			downSince = System.nanoTime();
			Thread.sleep(10_000);
		}
		finally {
			// same port: the agent keeps the endpoint it was started with
			this.zipkin.start();
		}
		upAgain = System.nanoTime();
		List<Sample> outage = during.stop();

		long slowestDuring = outage.stream().mapToLong(Sample::millis).max().orElse(0);
		System.out.printf("Zipkin outage: down %d ms (10 s stopped, then restarting); %d requests before, slowest %d ms;"
				+ " %d requests during, slowest %d ms, failed %d%n", (upAgain - downSince) / 1_000_000, baseline.size(),
				slowestBefore, outage.size(), slowestDuring, outage.stream().filter((s) -> !s.ok()).count());

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(outage.size()).as("requests while Zipkin was down").isGreaterThan(50);
		softly.assertThat(outage.stream().filter((s) -> !s.ok()).map(Sample::toString).toList())
			.as("failed requests while Zipkin was down")
			.isEmpty();
		softly.assertThat(outage.stream().filter((s) -> s.millis() > slowestBefore + 1000).map(Sample::toString).toList())
			.as("requests more than 1 s slower than the slowest before the outage (%d ms)", slowestBefore)
			.isEmpty();

		String orderId = nonce("ord-after-outage");
		assertOk(this.app.get("/orders/" + orderId));
		String traceId = traceIdOf(awaitLogLine("order " + orderId + " looked up"));
		softly.assertThatCode(() -> awaitTrace(traceId, (trace) -> hasKind(trace, "SERVER")))
			.as("spans of a request after Zipkin is back")
			.doesNotThrowAnyException();
		softly.assertAll();
	}

	/** Where a secret appears in a trace: span and tag, for the failure message. */
	private static String whereIs(String secret, List<JsonNode> spans) {
		List<String> places = new ArrayList<>();
		for (JsonNode span : spans) {
			if (span.path("name").asString("").contains(secret)) {
				places.add(describe(span) + " name");
			}
			for (var tag : span.path("tags").properties()) {
				if (tag.getValue().asString("").contains(secret)) {
					places.add(describe(span) + " tag " + tag.getKey() + "=" + tag.getValue().asString(""));
				}
			}
			for (JsonNode annotation : span.path("annotations")) {
				if (annotation.toString().contains(secret)) {
					places.add(describe(span) + " annotation " + annotation);
				}
			}
		}
		return places.isEmpty() ? "(elsewhere)" : places.stream().collect(Collectors.joining("; "));
	}

	record Sample(String path, int status, long millis, String error) {

		boolean ok() {
			return this.status == 200 && this.error == null;
		}

	}

	/** Continuous sequential requests from a background thread, each timed. */
	private final class RequestLoop {

		private final String prefix;

		private final List<Sample> samples = new CopyOnWriteArrayList<>();

		private volatile boolean running = true;

		private final Thread thread;

		RequestLoop(String prefix) {
			this.prefix = prefix;
			this.thread = new Thread(this::run, "request-loop-" + prefix);
		}

		void start() {
			this.thread.start();
		}

		private void run() {
			int i = 0;
			while (this.running) {
				String path = "/orders/" + this.prefix + "-" + (i++);
				long start = System.nanoTime();
				try {
					HttpResponse<String> response = SightlineJavaagentSmokeIT.this.app.get(path);
					this.samples.add(new Sample(path, response.statusCode(), elapsed(start), null));
				}
				catch (Exception ex) {
					this.samples.add(new Sample(path, -1, elapsed(start), ex.toString()));
				}
				try {
					// a user's pace, not a load test
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		private static long elapsed(long start) {
			return Duration.ofNanos(System.nanoTime() - start).toMillis();
		}

		List<Sample> stop() throws InterruptedException {
			this.running = false;
			this.thread.join(Duration.ofSeconds(30).toMillis());
			return Collections.unmodifiableList(new ArrayList<>(this.samples));
		}

	}

}
