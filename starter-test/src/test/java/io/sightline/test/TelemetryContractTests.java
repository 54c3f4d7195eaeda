package io.sightline.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.identity.SightlineIdentity;
import io.sightline.test.demo.ContractDemoApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static io.sightline.test.MeterAssertions.assertMeter;
import static io.sightline.test.MeterAssertions.assertSeriesAtMost;
import static io.sightline.test.MeterAssertions.awaitMeter;
import static io.sightline.test.MeterAssertions.seriesCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The telemetry contract of a real application (Tomcat, the starter, Brave), asserted with this module's
 * helpers; each helper is also shown to fail when the contract is broken.
 */
@SpringBootTest(classes = ContractDemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=contract-demo", "sightline.tracing.mode=agentless",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
@AutoConfigureSightlineTest
class TelemetryContractTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static CapturedLogs logs = new CapturedLogs();

	@LocalServerPort
	int port;

	@Autowired
	CapturedSpans spans;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	SightlineIdentity identity;

	@Test
	void oneRequestIsOneTraceAcrossSpansLogsAndMetrics() {
		String body = get("/orders/42");
		assertThat(body).contains("CONFIRMED");

		// The request's log line tells us its trace id.
		String traceId = logs.withMessageContaining("order 42 looked up").get(0).traceId();
		this.spans.awaitTrace(traceId, TIMEOUT);

		assertThat(this.spans.serverSpans(traceId)).singleElement().satisfies((server) -> {
			assertThat(server.name()).contains("/orders/{id}");
			assertThat(server.localServiceName()).isEqualTo("contract-demo");
			assertThat(server.tag("sightline.release.id")).isEqualTo(this.identity.releaseId());
		});
		assertThat(logs.assertEveryLineOfTraceCarries(traceId)).hasSize(2);
		awaitMeter(this.meterRegistry, TIMEOUT, "http.server.requests", "application", "contract-demo", "uri",
				"/orders/{id}");
		assertMeter(this.meterRegistry, "sightline.release.info", "application", "contract-demo");
	}

	@Test
	void serverSpanCarriesTheWholeIdentity() {
		get("/orders/7");
		String traceId = logs.withMessageContaining("order 7 looked up").get(0).traceId();
		List<CapturedSpan> trace = this.spans.awaitTrace(traceId, TIMEOUT);

		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(trace).extracting(CapturedSpan::traceId).containsOnly(traceId);
		CapturedSpan server = this.spans.serverSpans(traceId).get(0);
		assertThat(server.parentId()).as("an untraced client: the server span is the root").isNull();
		assertThat(server.spanId()).matches("[0-9a-f]{16}");
		assertThat(server.tags()).containsAllEntriesOf(Map.of(SightlineIdentity.ENVIRONMENT,
				this.identity.environment(), SightlineIdentity.VERSION, this.identity.version(),
				SightlineIdentity.RELEASE_ID, this.identity.releaseId(), SightlineIdentity.INSTANCE_ID,
				this.identity.instanceId()));
		assertThat(this.spans.all()).contains(server);
	}

	@Test
	void capturedSpansAreSeenAfterTheStartersRedaction() {
		get("/payments/9");
		String traceId = logs.withMessageContaining("payment 9 accepted").get(0).traceId();
		this.spans.awaitTrace(traceId, TIMEOUT);

		String note = this.spans.serverSpans(traceId).get(0).tag("payment.note");
		assertThat(note).startsWith("paid with card").doesNotContain(ContractDemoApplication.CARD);
	}

	@Test
	void logLinesCarryTheApplicationsIdentityNotThePlaceholder() {
		get("/orders/8");
		CapturedLine line = logs.withMessageContaining("order 8 priced").get(0);

		assertThat(line.field("service.name")).isEqualTo("contract-demo");
		assertThat(line.field("labels.release_id")).isEqualTo(this.identity.releaseId());
		assertThat(line.level()).isEqualTo("INFO");
		assertThat(line.spanId()).matches("[0-9a-f]{16}");
		assertThat(logs.forTrace(line.traceId())).extracting(CapturedLine::message)
			.containsExactly("order 8 looked up", "order 8 priced");
		assertThat(logs.identity()).isEqualTo(this.identity);
	}

	@Test
	void routeTemplatesKeepTheSeriesCountFlat() {
		get("/orders/1");
		String firstTrace = logs.withMessageContaining("order 1 looked up").get(0).traceId();
		this.spans.awaitTrace(firstTrace, TIMEOUT);
		awaitMeter(this.meterRegistry, TIMEOUT, "http.server.requests", "uri", "/orders/{id}");
		int series = seriesCount(this.meterRegistry, "http.server.requests");
		assertThat(series).isPositive();

		get("/orders/2");
		get("/orders/3");
		this.spans.awaitTrace(logs.withMessageContaining("order 3 looked up").get(0).traceId(), TIMEOUT);

		assertSeriesAtMost(this.meterRegistry, "http.server.requests", series);
		assertThat(seriesCount(this.meterRegistry, "no.such.meter")).isZero();
	}

	@Test
	void assertMeterFailsNamingTheMeterAndItsExistingSeries() {
		get("/orders/5");
		awaitMeter(this.meterRegistry, TIMEOUT, "http.server.requests", "uri", "/orders/{id}");

		assertThatThrownBy(() -> assertMeter(this.meterRegistry, "http.server.requests", "application", "other-app"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("'http.server.requests'")
			.hasMessageContaining("application=other-app")
			.hasMessageContaining("application=contract-demo");
		assertThatThrownBy(() -> assertMeter(this.meterRegistry, "http.server.requestz"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("no meter named 'http.server.requestz'");
	}

	@Test
	void assertSeriesAtMostFailsWhenThereAreMore() {
		get("/orders/6");
		awaitMeter(this.meterRegistry, TIMEOUT, "http.server.requests", "uri", "/orders/{id}");

		assertThatThrownBy(() -> assertSeriesAtMost(this.meterRegistry, "http.server.requests", 0))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("at most 0 series of meter 'http.server.requests'");
	}

	@Test
	void assertEveryLineOfTraceCarriesFailsWhenALineLosesTheContext() {
		get("/orders/11/lost-context");
		String traceId = logs.withMessageContaining("order 11 looked up").get(0).traceId();

		assertThat(logs.forTrace(traceId)).hasSize(2);
		assertThatThrownBy(() -> logs.assertEveryLineOfTraceCarries(traceId)).isInstanceOf(AssertionError.class)
			.hasMessageContaining(traceId)
			.hasMessageContaining("order 11 context lost");
	}

	@Test
	void awaitTraceAndLogAssertionsFailForATraceThatDidNotHappen() {
		get("/orders/12");
		String unknown = "0123456789abcdef0123456789abcdef";

		assertThatThrownBy(() -> this.spans.awaitTrace(unknown, Duration.ofMillis(200)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Trace " + unknown + " not complete");
		assertThatThrownBy(() -> logs.assertEveryLineOfTraceCarries(unknown)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("No captured log line carries trace.id=" + unknown);
		assertThat(this.spans.serverSpans(unknown)).isEmpty();
	}

	private String get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().body(String.class);
	}

}
