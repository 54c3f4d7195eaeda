package io.sightline.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.sightline.boot.servicegraph.ServiceGraphMeters;
import io.sightline.it.servicegraph.ServiceGraphApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agentless (Micrometer Tracing with Brave): the caller travels in W3C baggage from /front to /back,
 * and each side records its edge.
 */
@SpringBootTest(classes = ServiceGraphApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=" + ServiceGraphAgentlessIT.APP, "sightline.tracing.mode=agentless",
				"management.tracing.export.zipkin.enabled=false", "sightline.logging.console=text" })
class ServiceGraphAgentlessIT {

	static final String APP = "graph-agentless";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void aCallWithoutBaggageIsFromUnknownAndTheNestedCallIsFromThisService() throws Exception {
		double unknownBefore = requests("unknown", "false");
		double selfBefore = requests(APP, "false");
		assertThat(get("/front", Map.of()).statusCode()).isEqualTo(200);
		awaitRequests("unknown", "false", unknownBefore + 1);
		awaitRequests(APP, "false", selfBefore + 1);
		assertThat(this.registry.find(ServiceGraphMeters.DURATION)
			.tags("client", APP, "server", APP, "connection_type", "http", "failed", "false")
			.timer()).isNotNull();
	}

	@Test
	void theCallerOfTheIncomingRequestIsTheClientAndIsReplacedForOutgoingCalls() throws Exception {
		double upstreamBefore = requests("upstream-svc", "false");
		double selfBefore = requests(APP, "false");
		HttpResponse<String> response = get("/front", Map.of("traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "baggage",
				"other=1,sightline.caller=upstream-svc;prop=x"));
		assertThat(response.statusCode()).isEqualTo(200);
		awaitRequests("upstream-svc", "false", upstreamBefore + 1);
		// /back was called by this service, not by upstream-svc
		awaitRequests(APP, "false", selfBefore + 1);
	}

	@Test
	void aServerErrorOfTheCalleeIsAFailedEdge() throws Exception {
		double failedBefore = requests(APP, "true");
		double frontBefore = requests("unknown", "false");
		assertThat(get("/front?backStatus=500", Map.of()).statusCode()).isEqualTo(200);
		awaitRequests(APP, "true", failedBefore + 1);
		awaitRequests("unknown", "false", frontBefore + 1);
	}

	@Test
	void anExceptionIsAFailedEdge() throws Exception {
		double before = requests("unknown", "true");
		assertThat(get("/boom", Map.of()).statusCode()).isEqualTo(500);
		awaitRequests("unknown", "true", before + 1);
	}

	@Test
	void hostileCallersAreUnknown() throws Exception {
		double before = requests("unknown", "false");
		String traceparent = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		get("/back", Map.of("traceparent", traceparent, "baggage", "sightline.caller=%3Cscript%3E"));
		get("/back", Map.of("traceparent", traceparent, "baggage", "sightline.caller=" + "a".repeat(65)));
		// a long header (within Tomcat's 8 KB) whose caller member is empty
		assertThat(get("/back", Map.of("baggage", "sightline.caller=," + "x=1,".repeat(1500))).statusCode())
			.isEqualTo(200);
		awaitRequests("unknown", "false", before + 3);
		assertThat(Search.in(this.registry).name(ServiceGraphMeters.REQUESTS).counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("client")).matches("[A-Za-z0-9._-]{1,64}"));
	}

	@Test
	void actuatorRequestsAreNotEdges() throws Exception {
		get("/back", Map.of());
		await().atMost(Duration.ofSeconds(5)).until(() -> total() > 0);
		Thread.sleep(200);
		double before = total();
		assertThat(get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health", Map.of()).statusCode()).isEqualTo(200);
		Thread.sleep(200);
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void thePrometheusScrapeHasTheEdgesWithTheirLabelsAndSmallHistogram() throws Exception {
		double before = requests(APP, "false");
		get("/front", Map.of());
		awaitRequests(APP, "false", before + 1);
		String scrape = get("/actuator/prometheus", Map.of()).body();
		assertThat(scrape).containsPattern("sightline_service_graph_requests_total\\{application=\"" + APP
				+ "\",client=\"" + APP + "\",connection_type=\"http\",env=\"[^\"]+\",failed=\"false\",server=\"" + APP
				+ "\"}");
		assertThat(scrape).containsPattern("sightline_service_graph_request_duration_seconds_bucket\\{[^}]*client=\"unknown\"[^}]*le=\"0.1\"");
		long buckets = scrape.lines()
			.filter((line) -> line.startsWith("sightline_service_graph_request_duration_seconds_bucket{")
					&& line.contains("client=\"" + APP + "\"") && line.contains("failed=\"false\""))
			.count();
		// the 11 SLO buckets and +Inf
		assertThat(buckets).isEqualTo(12);
	}

	/**
	 * The edge is recorded when the filter chain returns, which can be after the client has the response
	 * (the body is flushed earlier): wait for it.
	 */
	private void awaitRequests(String client, String failed, double expected) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(requests(client, failed)).as("%s failed=%s", client, failed)
				.isEqualTo(expected));
	}

	private double requests(String client, String failed) {
		Counter counter = this.registry.find(ServiceGraphMeters.REQUESTS)
			.tags("client", client, "server", APP, "connection_type", "http", "failed", failed)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double total() {
		return Search.in(this.registry)
			.name(ServiceGraphMeters.REQUESTS)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
