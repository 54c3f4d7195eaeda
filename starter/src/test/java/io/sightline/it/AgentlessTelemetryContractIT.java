package io.sightline.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sightline.it.support.ZipkinServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agentless: Micrometer Tracing with Brave, reporting to Zipkin through zipkin-reporter. */
class AgentlessTelemetryContractIT extends AbstractTelemetryContractIT {

	@Override
	String serviceName() {
		return "contract-agentless";
	}

	@Override
	List<String> jvmOptions(ZipkinServer zipkin) {
		return List.of();
	}

	@Test
	void joinsW3cAndB3CallersAndAnswersInW3c() throws Exception {
		String w3cTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.app.get("/orders/w3c-caller",
				Map.of("traceparent", "00-" + w3cTrace + "-00f067aa0ba902b7-01"));
		String b3Trace = "80f198ee56343ba864fe8b2a57d3eff7";
		this.app.get("/orders/b3-caller",
				Map.of("X-B3-TraceId", b3Trace, "X-B3-SpanId", "e457b5a2e4d86bd1", "X-B3-Sampled", "1"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(traceIdOfLog("w3c-caller looked up")).isEqualTo(w3cTrace);
			assertThat(traceIdOfLog("b3-caller looked up")).isEqualTo(b3Trace);
		});
	}

	private String traceIdOfLog(String messagePart) throws Exception {
		for (JsonNode line : this.app.jsonLogLines()) {
			if (line.path("message").asString("").contains(messagePart)) {
				return line.path("trace.id").asString(null);
			}
		}
		return null;
	}

}
