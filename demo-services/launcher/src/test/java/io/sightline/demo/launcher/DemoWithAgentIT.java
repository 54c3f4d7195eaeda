package io.sightline.demo.launcher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/** The demo with sightline-javaagent.jar on every service, end to end. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWithAgentIT extends AbstractDemoIT {

	/** Stands in for Logstash's json_lines input; what it receives feeds the ELK tests (elk-tests). */
	private io.sightline.it.support.JsonLinesReceiver logstash;

	/** The order of the first test, whose trace spans all four services. */
	private String tracedOrder;

	@Override
	boolean agent() {
		return true;
	}

	@Override
	int logstashPort() {
		if (this.logstash == null) {
			this.logstash = new io.sightline.it.support.JsonLinesReceiver(freePort());
			try {
				this.logstash.start();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return this.logstash.port();
	}

	/**
	 * Every JSON line the four services shipped over TCP, and the traced order, for the ELK tests that
	 * run later in the build (elk-tests reads target/demo-logs).
	 */
	@org.junit.jupiter.api.AfterAll
	void writeShippedLogs() throws Exception {
		if (this.logstash == null) {
			return;
		}
		try {
			Path dir = java.nio.file.Files.createDirectories(Path.of("target/demo-logs"));
			List<String> lines = this.logstash.lines().stream().filter((line) -> line.startsWith("{")).toList();
			java.nio.file.Files.write(dir.resolve("logs.jsonl"), lines);
			if (this.tracedOrder != null) {
				java.nio.file.Files.writeString(dir.resolve("order.json"), this.tracedOrder);
			}
			System.out.printf("Shipped over TCP by the demo: %d JSON log lines, kept in %s%n", lines.size(), dir);
		}
		finally {
			this.logstash.close();
		}
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

		awaitTraceAcrossAllFourServices(traceId);
		this.tracedOrder = "{\"orderId\":\"" + orderId + "\",\"traceId\":\"" + traceId + "\"}";

		for (DemoService service : DemoService.values()) {
			List<JsonNode> lines = logLines(service, orderId);
			assertThat(lines).as("%s log lines for %s", service.serviceName(), orderId).isNotEmpty();
			for (JsonNode line : lines) {
				assertThat(line.path("trace.id").asString("")).as("%s: %s", service.serviceName(), line)
					.isEqualTo(traceId);
			}
		}
		// the same lines travel to Logstash's json_lines input, from all four services
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			java.util.Set<String> shippers = new java.util.HashSet<>();
			for (String line : this.logstash.lines()) {
				if (line.contains(traceId)) {
					shippers.add(JSON.readTree(line).path("service.name").asString(""));
				}
			}
			assertThat(shippers).containsExactlyInAnyOrder("gateway", "order-service", "payment-service",
					"inventory-service");
		});
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
			JsonNode targets = JSON.readTree(get(this.demo.prometheusUrl() + "/api/v1/targets?state=active").body());
			List<String> up = new java.util.ArrayList<>();
			for (JsonNode target : targets.path("data").path("activeTargets")) {
				if (target.path("labels").path("job").asString("").equals("sightline-demo")
						&& target.path("health").asString("").equals("up")) {
					up.add(target.path("labels").path("application").asString(""));
				}
			}
			assertThat(up).as("%s", targets).containsExactlyInAnyOrder("gateway", "order-service", "payment-service",
					"inventory-service");
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

	/**
	 * The burn-rate alerts end to end, on the repo's own rules: 100 % errors on the BFF page through Prometheus
	 * and Alertmanager to the webhook within a bound derived from the intervals; the in-process health
	 * turns BURNING; Prometheus and the in-process gauge agree on the burn rate.
	 */
	@Test
	@Order(4)
	void anErrorBurstOnTheBffPagesAndBothBurnRatesAgree() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		String faults = this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/faults";
		Thread load = backgroundLoad(Duration.ofSeconds(240));
		try {
			// healthy traffic first (200 requests), so both 5m windows mix good and bad requests
			Thread.sleep(20_000);
			assertThat(firedPage(SLO_ALERT)).as("paged before the fault").isEmpty();
			assertThat(healthSlo().path("status").asString()).isEqualTo("UP");

			assertThat(send("POST", faults, "{\"errorRatePercent\":100}").statusCode()).isEqualTo(200);
			java.time.Instant injected = java.time.Instant.now();
			// rate() needs two scrapes of the new error series, then one evaluation each for the recording
			// and the alert group, then the page route's group_wait (10 s); plus slack for 2 busy cores
			Duration bound = SCRAPE.multipliedBy(2).plus(SCRAPE.multipliedBy(2)).plusSeconds(10).plusSeconds(30);
			AlertWebhookReceiver.ReceivedAlert page = await().atMost(bound.plusSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> firedPage(SLO_ALERT).orElse(null), java.util.Objects::nonNull);
			Duration detected = Duration.between(injected, page.receivedAt());
			System.out.printf("SLO page %s: time to detect %.1f s (injection to webhook; bound %d s at a %d s scrape)%n",
					SLO_ALERT, detected.toMillis() / 1000.0, bound.toSeconds(), SCRAPE.toSeconds());
			assertThat(detected).isLessThanOrEqualTo(bound);
			assertThat(page.labels()).containsEntry("sloth_service", "gateway")
				.containsEntry("sloth_slo", "availability")
				.containsEntry("sloth_id", "gateway-availability")
				.containsEntry("severity", "page")
				.containsEntry("service", "gateway");
			assertThat(page.annotation("runbook_url")).endsWith("/docs/runbooks/SloErrorBudgetBurn.md");
			assertThat(Path.of("../../docs/runbooks/SloErrorBudgetBurn.md")).isRegularFile();

			// the same burn, computed inside the service from its own meters
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
				.until(() -> healthSlo().path("status").asString(), "BURNING"::equals);

			// cross-check once the fault has filled a good part of the 5m window
			Duration sinceInjection = Duration.between(injected, java.time.Instant.now());
			if (sinceInjection.compareTo(Duration.ofSeconds(75)) < 0) {
				Thread.sleep(Duration.ofSeconds(75).minus(sinceInjection).toMillis());
			}
			double inProcess = inProcessBurnRate("availability", "5m");
			double prometheus = prometheusValue(
					"slo:current_burn_rate:ratio{sloth_service=\"gateway\",sloth_slo=\"availability\"}");
			System.out.printf("Burn rate over 5m: Prometheus %.1f, in-process %.1f (%.1f %% apart)%n", prometheus,
					inProcess, 100 * Math.abs(prometheus - inProcess) / Math.max(prometheus, inProcess));
			assertThat(prometheus).isGreaterThan(14.4);
			assertThat(inProcess).isCloseTo(prometheus, org.assertj.core.data.Percentage.withPercentage(10));
		}
		finally {
			assertThat(send("DELETE", faults, null).statusCode()).isEqualTo(200);
			load.interrupt();
			load.join(10_000);
		}
		// health answers 200 while burning: it never restarts pods unless configured to
		assertThat(get(this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	@Order(5)
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
			await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
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

	/**
	 * A crashed BFF: ServiceDown reaches the webhook, and Alertmanager suppresses the BFF's own SLO
	 * alerts (their series linger in the rate windows) instead of paging for them too.
	 */
	/**
	 * Every query of every panel of every dashboard returns data from this live demo; panels
	 * marked incident-only get their fault injected first. Prints dashboard → panel → series.
	 */
	@Test
	@Order(6)
	void everyDashboardPanelReturnsDataOnTheLiveDemo() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		Path folder = Path.of("../../grafana/dashboards");
		DashboardQueries queries = new DashboardQueries(this.demo.prometheusUrl(), SCRAPE);
		List<DashboardQueries.Target> targets = DashboardQueries.targets(folder);
		assertThat(targets).as("panel targets in %s", folder).hasSizeGreaterThan(20);
		Thread load = backgroundLoad(Duration.ofSeconds(300));
		try {
			Thread.sleep(20_000);
			var variables = queries.variables(folder);
			java.util.Map<String, List<DashboardQueries.Target>> incidents = new java.util.TreeMap<>();
			StringBuilder table = new StringBuilder();
			List<String> empty = new java.util.ArrayList<>();
			for (DashboardQueries.Target target : targets) {
				if (target.incident() != null) {
					incidents.computeIfAbsent(target.incident(), (k) -> new java.util.ArrayList<>()).add(target);
					continue;
				}
				String expr = queries.substitute(target.expr(), variables.get(target.dashboard()), true);
				DashboardQueries.Result result = queries.run(expr, target.instant(), Duration.ofMinutes(10));
				table.append(String.format("%-24s %-55s %4d%n", target.dashboard(), target.panel() + " [" + target.refId() + "]",
						result.series()));
				if (result.series() <= 0) {
					empty.add(target + ": " + ((result.error() != null) ? result.error() : "no series") + "\n    " + expr);
				}
			}
			for (var incident : incidents.entrySet()) {
				try (AutoCloseable fault = injectIncident(incident.getKey())) {
					for (DashboardQueries.Target target : incident.getValue()) {
						String expr = queries.substitute(target.expr(), variables.get(target.dashboard()), true);
						DashboardQueries.Result result = await().atMost(Duration.ofSeconds(150))
							.pollInterval(Duration.ofSeconds(3))
							.ignoreExceptions()
							.until(() -> queries.run(expr, target.instant(), Duration.ofMinutes(10)),
									(r) -> r.series() > 0 || r.error() != null);
						table.append(String.format("%-24s %-55s %4d (during %s)%n", target.dashboard(),
								target.panel() + " [" + target.refId() + "]", result.series(), incident.getKey()));
						if (result.series() <= 0) {
							empty.add(target + " during " + incident.getKey() + ": " + result.error() + "\n    " + expr);
						}
					}
				}
			}
			System.out.println("Dashboard queries on the live demo (dashboard, panel [query], series):\n" + table);
			assertThat(empty).as("panels that would show No data").isEmpty();
		}
		finally {
			load.interrupt();
			load.join(10_000);
		}
	}

	/** Turns on a fault a panel is marked with; closing it resets the fault. */
	private AutoCloseable injectIncident(String fault) throws Exception {
		DemoService service = switch (fault) {
			case "order-errors" -> DemoService.ORDER;
			case "gateway-errors" -> DemoService.GATEWAY;
			case "saga-timeout" -> DemoService.PAYMENT;
			default -> throw new AssertionError("unknown incident fault " + fault + " in a dashboard description");
		};
		String faults = this.demo.managementUrl(service) + "/actuator/faults";
		String body = fault.equals("saga-timeout") ? "{\"kafkaConsumersPaused\":true}" : "{\"errorRatePercent\":100}";
		assertThat(send("POST", faults, body).statusCode()).isEqualTo(200);
		return () -> assertThat(send("DELETE", faults, null).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(7)
	void aKilledServicePagesServiceDownAndInhibitsItsSloAlerts() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(this.demo.monitoringRunning(),
				"Prometheus/Alertmanager binaries not installed (apt-get install prometheus prometheus-alertmanager)");
		String faults = this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/faults";
		assertThat(send("POST", faults, "{\"errorRatePercent\":100}").statusCode()).isEqualTo(200);
		Thread load = backgroundLoad(Duration.ofSeconds(60));
		try {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
				.until(() -> alertmanagerAlert(SLO_ALERT, "gateway") != null);
		}
		finally {
			load.interrupt();
			load.join(10_000);
		}
		java.time.Instant killed = java.time.Instant.now();
		this.demo.kill(DemoService.GATEWAY);
		// ServiceDown holds for 1m before firing, then the page route's group_wait
		AlertWebhookReceiver.ReceivedAlert down = await().atMost(Duration.ofSeconds(150))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.demo.alertReceiver()
				.alerts()
				.stream()
				.filter((alert) -> alert.name().equals("ServiceDown") && alert.status().equals("firing")
						&& alert.label("service").equals("gateway") && alert.receivedAt().isAfter(killed))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
		System.out.printf("ServiceDown for gateway: %.1f s from the kill to the webhook%n",
				Duration.between(killed, down.receivedAt()).toMillis() / 1000.0);
		assertThat(down.label("severity")).isEqualTo("page");
		assertThat(down.annotation("runbook_url")).endsWith("/docs/runbooks/ServiceDown.md");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode slo = alertmanagerAlert(SLO_ALERT, "gateway");
			assertThat(slo).as("the gateway's SLO alert, still active in Alertmanager").isNotNull();
			assertThat(slo.path("status").path("state").asString()).isEqualTo("suppressed");
			assertThat(slo.path("status").path("inhibitedBy")).isNotEmpty();
		});
	}

	@Test
	@Order(8)
	void stoppingLeavesNoProcessBehind() {
		List<Long> pids = this.demo.startedPids();
		assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
		for (DemoService service : DemoService.values()) {
			this.logFiles.put(service, this.demo.logFile(service));
		}
		this.demo.close();
		for (long pid : pids) {
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse();
		}
		this.demo = null;
		// each service's stdout is ECS JSON from its first line to its last (the agent's and the
		// JVM's plain-text lines are in <service>.err); a killed service may leave its last line cut off
		for (DemoService service : DemoService.values()) {
			List<String> lines = readLines(this.logFiles.get(service));
			List<String> notJson = new java.util.ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				boolean last = i == lines.size() - 1;
				if (!isJsonObject(line) && !(last && line.startsWith("{"))) {
					notJson.add((i + 1) + ": " + line);
				}
			}
			assertThat(notJson).as("non-JSON lines in %s", this.logFiles.get(service)).isEmpty();
			assertThat(lines).as(service.serviceName()).isNotEmpty();
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static boolean isJsonObject(String line) {
		try {
			return JSON.readTree(line).isObject();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static final String SLO_ALERT = "GatewayAvailabilityBudgetBurn";

	private final java.util.Map<DemoService, Path> logFiles = new java.util.EnumMap<>(DemoService.class);

	private java.util.Optional<AlertWebhookReceiver.ReceivedAlert> firedPage(String alertName) {
		return this.demo.alertReceiver()
			.alerts()
			.stream()
			.filter((alert) -> alert.name().equals(alertName) && alert.status().equals("firing")
					&& alert.label("sloth_severity").equals("page"))
			.findFirst();
	}

	private JsonNode healthSlo() throws Exception {
		HttpResponse<String> response = get(this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/health/slo");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private double inProcessBurnRate(String slo, String window) throws Exception {
		String metrics = get(this.demo.managementUrl(DemoService.GATEWAY) + "/actuator/prometheus").body();
		Matcher matcher = Pattern.compile("sightline_slo_burn_rate\\{([^}]*)} (\\S+)").matcher(metrics);
		while (matcher.find()) {
			if (matcher.group(1).contains("slo=\"" + slo + "\"") && matcher.group(1).contains("window=\"" + window + "\"")) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		throw new AssertionError("no sightline_slo_burn_rate{slo=" + slo + ",window=" + window + "} in\n" + metrics);
	}

	private double prometheusValue(String query) throws Exception {
		JsonNode response = JSON.readTree(get(this.demo.prometheusUrl() + "/api/v1/query?query="
				+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).body());
		JsonNode result = response.path("data").path("result");
		assertThat(result.size()).as("%s", response).isEqualTo(1);
		return Double.parseDouble(result.get(0).path("value").get(1).asString());
	}

	/** The alert as Alertmanager holds it (active, suppressed or not), or null. */
	private JsonNode alertmanagerAlert(String alertName, String service) throws Exception {
		for (JsonNode alert : JSON.readTree(get(this.demo.alertmanagerUrl() + "/api/v2/alerts").body())) {
			if (alert.path("labels").path("alertname").asString("").equals(alertName)
					&& alert.path("labels").path("service").asString("").equals(service)
					&& alert.path("labels").path("sloth_severity").asString("").equals("page")) {
				return alert;
			}
		}
		return null;
	}

	/** Steady load on the BFF in a daemon thread, until it ends or is interrupted. */
	private Thread backgroundLoad(Duration duration) {
		Thread load = new Thread(() -> {
			try {
				new LoadGenerator(this.demo.url(DemoService.GATEWAY)).run(10, duration, Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "slo-load");
		load.setDaemon(true);
		load.start();
		return load;
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
