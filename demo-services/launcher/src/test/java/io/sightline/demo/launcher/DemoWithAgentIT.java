package io.sightline.demo.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo with sightline-javaagent.jar on every service: the whole acceptance list of issue 4. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWithAgentIT extends AbstractDemoIT {

	@Override
	boolean agent() {
		return true;
	}

	@Test
	@Order(1)
	void anOrderIsOneTraceAcrossAllFourServicesAndItsLogs() throws Exception {
		JsonNode item = itemWithStock(1);
		String orderId = placeOrder("c-trace", item.path("sku").asString(), 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(orderId), "CONFIRMED"::equals);

		List<JsonNode> gatewayLines = logLines(DemoService.GATEWAY, orderId);
		assertThat(gatewayLines).as("gateway log lines for %s", orderId).isNotEmpty();
		String traceId = gatewayLines.get(0).path("trace.id").asString("");
		assertThat(traceId).matches("[0-9a-f]{32}");

		JsonNode trace = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				String json = this.demo.zipkin().trace(traceId);
				return (json != null) ? JSON.readTree(json) : null;
			}, (t) -> t != null && serviceNames(t).size() >= 4 && kinds(t).containsAll(List.of("PRODUCER", "CONSUMER")));
		assertThat(serviceNames(trace)).contains("gateway", "order-service", "payment-service", "inventory-service");

		for (DemoService service : DemoService.values()) {
			List<JsonNode> lines = logLines(service, orderId);
			assertThat(lines).as("%s log lines for %s", service.serviceName(), orderId).isNotEmpty();
			for (JsonNode line : lines) {
				assertThat(line.path("trace.id").asString("")).as("%s: %s", service.serviceName(), line)
					.isEqualTo(traceId);
			}
		}
	}

	@Test
	@Order(2)
	void withinTheBudgetOfTimeAndMemory() {
		long rssMb = this.demo.totalRssBytes() / (1024 * 1024);
		System.out.printf("Demo with agent: all ready in %d s, total RSS %d MB%n", this.startup.toSeconds(), rssMb);
		assertThat(this.startup).isLessThanOrEqualTo(Duration.ofSeconds(120));
		assertThat(rssMb).isGreaterThan(0).isLessThanOrEqualTo(4096);
	}

	@Test
	@Order(2)
	void prometheusScrapesEveryServiceWhenInstalled() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String targets = get(this.demo.prometheusUrl() + "/api/v1/targets?state=active").body();
			int up = targets.split("\"health\":\"up\"", -1).length - 1;
			assertThat(up).as(targets).isEqualTo(4);
		});
	}

	@Test
	@Order(2)
	void aDeclinedPaymentCancelsTheOrderAndReleasesTheStock() throws Exception {
		JsonNode item = itemWithStock(2);
		String sku = item.path("sku").asString();
		int before = stock(sku);
		String orderId = placeOrder("blocked-customer", sku, 2);
		await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(orderId), "CANCELLED"::equals);
		await().atMost(Duration.ofSeconds(20)).until(() -> stock(sku), (available) -> available == before);
	}

	@Test
	@Order(3)
	void pausedPaymentConsumersLeaveTheOrderToTheSagaTimeout() throws Exception {
		String faults = this.demo.managementUrl(DemoService.PAYMENT) + "/actuator/faults";
		assertThat(send("POST", faults, "{\"kafkaConsumersPaused\":true}").statusCode()).isEqualTo(200);
		try {
			String orderId = placeOrder("c-paused", itemWithStock(1).path("sku").asString(), 1);
			// no payment decision can arrive: the saga's timeout (10 s) cancels the order
			await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(orderId), "CANCELLED"::equals);
			JsonNode order = JSON.readTree(get(this.demo.url(DemoService.ORDER) + "/orders/" + orderId).body());
			assertThat(order.path("paymentStatus").asString()).isEqualTo("PENDING");
			assertThat(order.path("reason").asString()).contains("timeout");
		}
		finally {
			assertThat(send("DELETE", faults, null).statusCode()).isEqualTo(200);
		}
		String next = placeOrder("c-resumed", itemWithStock(1).path("sku").asString(), 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(next), "CONFIRMED"::equals);
	}

	@Test
	@Order(3)
	void theLoadGeneratorRunsBoundedWithoutErrors() throws Exception {
		LoadGenerator.Report report = new LoadGenerator(this.demo.url(DemoService.GATEWAY)).run(10,
				Duration.ofSeconds(3), 30);
		System.out.println("Load on the demo: " + report);
		assertThat(report.requests()).isEqualTo(30);
		assertThat(report.errors()).isZero();
	}

	@Test
	@Order(4)
	void theGatewayBreakerOpensOnFailuresAnswersFastAndClosesAfterReset() throws Exception {
		String faults = this.demo.managementUrl(DemoService.ORDER) + "/actuator/faults";
		assertThat(send("POST", faults, "{\"errorRatePercent\":100}").statusCode()).isEqualTo(200);
		String sku = itemWithStock(1).path("sku").asString();
		int failed = 0;
		while (!breakerOpen() && failed < 20) {
			HttpResponse<String> response = send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
					"{\"customerId\":\"c-breaker\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
			assertThat(response.statusCode()).isEqualTo(503);
			failed++;
		}
		assertThat(failed).as("failed calls before the breaker opened").isLessThanOrEqualTo(10);
		long start = System.nanoTime();
		HttpResponse<String> fallback = send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
				"{\"customerId\":\"c-breaker\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
		assertThat(fallback.statusCode()).isEqualTo(503);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

		if (this.demo.monitoringRunning()) {
			// keep failing calls coming, so trial calls re-open the breaker, until the alert reaches Alertmanager
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
						"{\"customerId\":\"c-breaker\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
				String alerts = get(this.demo.alertmanagerUrl() + "/api/v2/alerts").body();
				return alerts.contains("\"alertname\":\"CircuitBreakerOpen\"") && alerts.contains("order-service");
			});
		}

		assertThat(send("DELETE", faults, null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
					"{\"customerId\":\"c-breaker\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
			return breakerState("closed");
		});
	}

	@Test
	@Order(5)
	void stoppingLeavesNoProcessBehind() {
		List<Long> pids = this.demo.startedPids();
		assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
		this.demo.close();
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse();
		}
		this.demo = null;
	}

	private int stock(String sku) throws Exception {
		return JSON.readTree(get(this.demo.url(DemoService.INVENTORY) + "/stock/" + sku).body()).path("available").asInt();
	}

	private boolean breakerOpen() throws Exception {
		return breakerState("open");
	}

	private boolean breakerState(String state) throws Exception {
		String metrics = get(this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/prometheus").body();
		Matcher matcher = Pattern
			.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"order-service\"[^}]*state=\"" + state + "\"[^}]*} (\\S+)")
			.matcher(metrics);
		return matcher.find() && Double.parseDouble(matcher.group(1)) == 1.0;
	}

}
