package io.sightline.it;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.it.sample.SampleApplication;
import io.sightline.it.support.ItTools;
import io.sightline.it.support.JsonLinesReceiver;
import io.sightline.it.support.ForkedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logs shipped to a real TCP json_lines receiver: ECS lines arrive, secrets never leave the process,
 * forged lines are impossible, and a dead receiver costs requests nothing but the dropped lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogShippingIT {

	private JsonLinesReceiver receiver;

	private ForkedApp app;

	@BeforeAll
	void start() throws Exception {
		this.receiver = new JsonLinesReceiver(ItTools.freePort());
		this.receiver.start();
		this.app = ForkedApp.start(SampleApplication.class.getName(), "log-shipping", List.of(),
				List.of("--sightline.logging.logstash.destinations=127.0.0.1:" + this.receiver.port(),
						"--sightline.logging.logstash.ring-buffer-size=64",
						"--sightline.logging.logstash.reconnection-delay=500ms",
						"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:" + ItTools.freePort() + "/api/v2/spans"));
	}

	@AfterAll
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
		if (this.receiver != null) {
			this.receiver.close();
		}
	}

	@Test
	@Order(1)
	void ecsLinesReachTheReceiver() throws Exception {
		assertThat(this.app.get("/orders/ship-1").statusCode()).isEqualTo(200);
		String line = await().atMost(Duration.ofSeconds(10))
			.until(() -> find(this.receiver.lines(), "ship-1 looked up"), (found) -> found != null);
		JsonNode json = ForkedApp.parse(line);
		assertThat(json.path("service.name").asString()).isEqualTo("log-shipping");
		assertThat(json.path("trace.id").asString("")).matches("[0-9a-f]{32}");
		assertThat(json.path("@timestamp").asString("")).isNotBlank();
		assertThat(json.path("log.logger").asString("")).endsWith("SampleController");
		assertThat(json.path("process.thread.name").asString("")).isNotBlank();
	}

	@Test
	@Order(2)
	void secretsNeverReachAnyOutput() throws Exception {
		assertThat(this.app.get("/leak").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> find(this.receiver.lines(), "payment failed") != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> find(this.app.rawOutputLines(), "payment failed") != null);
		List<String> secrets = List.of(SampleApplication.CARD, SampleApplication.CARD.replace(" ", ""),
				SampleApplication.JWT, SampleApplication.PASSWORD, SampleApplication.BEARER);
		for (byte[] output : List.of(this.receiver.rawBytes(), this.app.rawOutput())) {
			for (String secret : secrets) {
				assertThat(indexOf(output, secret.getBytes(StandardCharsets.UTF_8))).as("raw output contains %s", secret)
					.isEqualTo(-1);
			}
		}
		JsonNode warn = ForkedApp.parse(find(this.receiver.lines(), "payment failed"));
		assertThat(warn.path("error.type").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(warn.path("error.message").asString()).contains("[REDACTED]");
		assertThat(warn.path("error.stack_trace").asString()).contains("SampleApplication");
		JsonNode withMdc = ForkedApp.parse(find(this.receiver.lines(), "paying with card"));
		assertThat(withMdc.path("labels.card").asString()).isEqualTo("[REDACTED]");
		assertThat(withMdc.path("labels.authorization").asString()).contains("[REDACTED]");
		assertThat(withMdc.path("labels.session").asString()).contains("[REDACTED]");
		assertThat(withMdc.path("labels.login").asString()).contains("[REDACTED]");
	}

	@Test
	@Order(3)
	void crlfInAMessageCannotForgeALine() throws Exception {
		assertThat(this.app.get("/forge").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> find(this.app.rawOutputLines(), "user said hi") != null);
		List<String> console = this.app.rawOutputLines();
		long withForgery = console.stream().filter((l) -> l.contains("forged")).count();
		assertThat(withForgery).as("lines mentioning the forged payload").isEqualTo(1);
		String line = find(console, "user said hi");
		JsonNode json = ForkedApp.parse(line);
		assertThat(json.path("log.level").asString()).isEqualTo("INFO");
		assertThat(json.path("message").asString()).contains("\r\n{\"log.level\":\"ERROR\"");
		assertThat(console.stream().filter((l) -> l.startsWith("{\"log.level\":\"ERROR\""))).isEmpty();
	}

	@Test
	@Order(4)
	void deadReceiverCostsNothingButTheDroppedLines() throws Exception {
		List<Long> baseline = timedRequests(Duration.ofSeconds(3));
		long baselineMax = baseline.stream().mapToLong(Long::longValue).max().orElseThrow();
		double droppedBefore = droppedTotal();

		this.receiver.kill();
		List<Long> duringOutage = timedRequests(Duration.ofSeconds(10));
		double droppedDuring = droppedTotal();

		int linesBeforeRestart = this.receiver.lines().size();
		this.receiver.start();
		// base 36: a run of 13+ digits may be a Luhn-valid "card number", which the redaction masks
		String marker = "after-restart-" + Long.toString(System.nanoTime(), 36);
		// the appender reconnects within its 1 s delay, then drains what it buffered (up to its ring buffer)
		// before the marker: a loaded CI machine needs more than a few seconds for that
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.alias("a line logged after the receiver restarted arrives")
			.until(() -> {
				this.app.get("/orders/" + marker);
				return find(this.receiver.lines(), marker) != null;
			});

		long outageMax = duringOutage.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(duringOutage.size()).as("requests served during the outage").isGreaterThan(50);
		assertThat(outageMax).as("slowest request during the outage vs slowest before (ms): %d vs %d", outageMax,
				baselineMax)
			.isLessThanOrEqualTo(baselineMax + 1000);
		assertThat(droppedDuring).as("sightline_logging_dropped_total rises while Logstash is down")
			.isGreaterThan(droppedBefore);
		assertThat(this.receiver.lines().size()).isGreaterThan(linesBeforeRestart);
	}

	private List<Long> timedRequests(Duration duration) throws Exception {
		List<Long> millis = new ArrayList<>();
		long end = System.nanoTime() + duration.toNanos();
		int i = 0;
		while (System.nanoTime() < end) {
			long start = System.nanoTime();
			HttpResponse<String> response = this.app.get("/orders/load-" + (i++));
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		return millis;
	}

	private double droppedTotal() throws Exception {
		Matcher matcher = Pattern.compile("(?m)^sightline_logging_dropped_total\\{[^}]*} (\\S+)")
			.matcher(this.app.get("/actuator/prometheus").body());
		double total = 0;
		boolean found = false;
		while (matcher.find()) {
			total += Double.parseDouble(matcher.group(1));
			found = true;
		}
		assertThat(found).as("sightline_logging_dropped_total is exposed").isTrue();
		return total;
	}

	private static String find(List<String> lines, String part) {
		for (String line : lines) {
			if (line.contains(part)) {
				return line;
			}
		}
		return null;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return Arrays.equals(needle, new byte[0]) ? 0 : -1;
	}

}
