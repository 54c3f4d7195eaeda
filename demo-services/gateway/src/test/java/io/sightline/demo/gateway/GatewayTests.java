package io.sightline.demo.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.demo.faults.FaultChange;
import io.sightline.demo.faults.FaultInjector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.gateway.breaker-open-duration=1s", "demo.gateway.retry-backoff=10ms",
				"demo.gateway.timeout=1s", "management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class GatewayTests {

	static final StubService ORDERS = start();

	static final StubService PAYMENTS = start();

	static final StubService INVENTORY = start();

	static final String CATALOG = "[{\"sku\":\"SKU-1\",\"name\":\"Lamp\",\"price\":19.90,\"available\":5}]";

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	FaultInjector faults;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private final RestClient http = RestClient.builder()
		.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
		})
		.build();

	static StubService start() {
		try {
			return new StubService();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("demo.gateway.order-service-url", ORDERS::url);
		registry.add("demo.gateway.payment-service-url", PAYMENTS::url);
		registry.add("demo.gateway.inventory-service-url", INVENTORY::url);
	}

	@AfterAll
	static void stop() {
		ORDERS.close();
		PAYMENTS.close();
		INVENTORY.close();
	}

	@BeforeEach
	void healthy() {
		this.faults.reset();
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		INVENTORY.answer("GET /catalog", 200, CATALOG);
		ORDERS.answer("POST /orders", 201, "{\"id\":\"o-1\",\"status\":\"PENDING\"}");
		ORDERS.answer("GET /orders/o-1", 200, "{\"id\":\"o-1\",\"status\":\"CONFIRMED\",\"stockStatus\":\"RESERVED\"}");
		PAYMENTS.answer("GET /payments/o-1", 200, "{\"orderId\":\"o-1\",\"authorized\":true}");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private ResponseEntity<String> placeOrder() {
		return this.http.post()
			.uri(url("/api/orders"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}")
			.retrieve()
			.toEntity(String.class);
	}

	@Test
	void placesOrdersPricedFromTheCatalog() {
		ResponseEntity<String> response = placeOrder();
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(ORDERS.lastBody()).contains("\"sku\":\"SKU-1\"").contains("\"quantity\":2").contains("19.9");
	}

	@Test
	void aggregatesOrderPaymentAndStock() {
		String body = this.http.get().uri(url("/api/orders/o-1")).retrieve().body(String.class);
		assertThat(body).contains("\"status\":\"CONFIRMED\"").contains("\"authorized\":true").contains("RESERVED");
		ORDERS.answer("GET /orders/nope", 404, "{}");
		assertThat(this.http.get().uri(url("/api/orders/nope")).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void catalogFallsBackToTheLastKnownOne() {
		assertThat(this.http.get().uri(url("/api/catalog")).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
		INVENTORY.answer("GET /catalog", 500, "{}");
		ResponseEntity<String> degraded = this.http.get().uri(url("/api/catalog")).retrieve().toEntity(String.class);
		assertThat(degraded.getStatusCode().value()).isEqualTo(200);
		assertThat(degraded.getHeaders().getFirst("X-Degraded")).isEqualTo("inventory-service");
		assertThat(degraded.getBody()).contains("SKU-1");
	}

	@Test
	void breakerOpensWithinTenFailuresAnswersFastAndClosesAfterRecovery() {
		ORDERS.answer("POST /orders", 500, "{}");
		int failed = 0;
		CircuitBreaker breaker = this.breakers.circuitBreaker("order-service");
		while (breaker.getState() != CircuitBreaker.State.OPEN && failed < 20) {
			assertThat(placeOrder().getStatusCode().value()).isEqualTo(503);
			failed++;
		}
		assertThat(failed).as("failed calls before the breaker opened").isLessThanOrEqualTo(10);
		assertThat(this.meterRegistry.get("resilience4j.circuitbreaker.state")
			.tag("name", "order-service")
			.tag("state", "open")
			.gauge()
			.value()).isEqualTo(1.0);
		int callsWhenOpen = ORDERS.calls();
		long start = System.nanoTime();
		assertThat(placeOrder().getStatusCode().value()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		assertThat(ORDERS.calls()).as("an open breaker sends nothing downstream").isEqualTo(callsWhenOpen);

		ORDERS.answer("POST /orders", 201, "{\"id\":\"o-2\",\"status\":\"PENDING\"}");
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			placeOrder();
			assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		});
		assertThat(placeOrder().getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void dependencyDownFaultFailsFastWithoutCallingIt() {
		int before = ORDERS.calls();
		this.faults.change(new FaultChange(null, null, null, java.util.Set.of("order-service"), null));
		assertThat(placeOrder().getStatusCode().value()).isEqualTo(503);
		assertThat(ORDERS.calls()).isEqualTo(before);
	}

	@Test
	void invalidRequestsGet400() {
		ResponseEntity<String> response = this.http.post()
			.uri(url("/api/orders"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"\",\"lines\":[]}")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("customerId is required").contains("lines must not be empty");
		ResponseEntity<String> unknown = this.http.post()
			.uri(url("/api/orders"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"customerId\":\"c\",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}")
			.retrieve()
			.toEntity(String.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody()).contains("unknown sku NOPE");
	}

	/**
	 * Found by the reliability suite: every distinct unknown URL was looked up as a static resource (and
	 * cached by the class loaders), or, without that mapping, logged as two WARN lines with the URL.
	 */
	@Test
	void unknownUrlsAre404sWithoutAStaticResourceLookupOrALogLine(
			org.springframework.boot.test.system.CapturedOutput output) {
		String token = "zq" + Long.toString(System.nanoTime(), 36);
		for (String path : java.util.List.of("/" + token + "/a?x=1", "/api/" + token, "/static/" + token + ".css")) {
			assertThat(this.http.get().uri(url(path)).retrieve().toEntity(String.class).getStatusCode().value())
				.as(path)
				.isEqualTo(404);
		}
		assertThat(output.getAll()).doesNotContain(token);
		assertThat(this.context.getBeansOfType(org.springframework.web.servlet.HandlerMapping.class).keySet())
			.doesNotContain("resourceHandlerMapping");
	}

	/** The diagnostics endpoint logs the client's text once, as one event, in each of its modes. */
	@Test
	void diagnosticsLogTheClientsTextOnce(org.springframework.boot.test.system.CapturedOutput output) {
		// base 36: a run of 13+ digits may be a Luhn-valid "card number", which the redaction masks
		String marker = "note-" + Long.toString(System.nanoTime(), 36);
		for (String as : java.util.List.of("argument", "message")) {
			ResponseEntity<String> response = this.http.post()
				.uri(url("/api/diagnostics/log?as=" + as))
				.contentType(MediaType.TEXT_PLAIN)
				.body(marker + "-" + as + "\r\nforged")
				.retrieve()
				.toEntity(String.class);
			assertThat(response.getStatusCode().value()).isEqualTo(202);
		}
		assertThat(this.http.post().uri(url("/api/diagnostics/log?as=nonsense")).contentType(MediaType.TEXT_PLAIN)
			.body("x").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(400);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll().lines().filter((line) -> line.contains(marker))).hasSize(2)
				.allMatch((line) -> line.startsWith("{") && line.contains("\\r\\nforged")));
	}

}
