package io.sightline.demo.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo started through the launcher's own code, on free ports. Subclasses choose agent or
 * agentless; each class launches the demo once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDemoIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Prometheus' scrape and evaluation interval, and the services' in-process SLO sample interval. */
	static final Duration SCRAPE = Duration.ofSeconds(2);

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	Demo demo;

	/** Launch to every service ready, as the README's budget counts it. */
	Duration startup;

	abstract boolean agent();

	@BeforeAll
	void startDemo() throws Exception {
		Path lib = Path.of(System.getProperty("demo.lib", "target/demo-lib"));
		Path runDir = Files.createTempDirectory("sightline-demo-" + (agent() ? "agent" : "agentless") + "-");
		int base = freeBlock();
		// the repo's own prometheus/ configs, with fast intervals so alerts fire within a test's patience
		DemoConfig config = new DemoConfig(lib, runDir, agent(), base, 10, freePortOutside(base), freePortOutside(base),
				freePortOutside(base), freePortOutside(base), freePortOutside(base), freePortOutside(base),
				Path.of(System.getProperty("demo.prometheus", "../../prometheus")), SCRAPE);
		long start = System.nanoTime();
		this.demo = Demo.start(config);
		this.startup = Duration.ofNanos(System.nanoTime() - start);
	}

	@AfterAll
	void stopDemo() {
		if (this.demo != null) {
			this.demo.close();
		}
	}

	/** Four consecutive free ports for the services, and four more (at +10) for their management. */
	static int freeBlock() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
			boolean free = true;
			for (int i = 0; i < 4 && free; i++) {
				free = isFree(base + i) && isFree(base + 10 + i);
			}
			if (free) {
				return base;
			}
		}
		throw new IllegalStateException("no free port block");
	}

	/** A free port that is not one of the service block's, which is free now but bound only later. */
	static int freePortOutside(int base) {
		while (true) {
			int port = freePort();
			if (port < base || port > base + 13) {
				return port;
			}
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A sku with at least this much stock, from the BFF's catalog. */
	JsonNode itemWithStock(int quantity) throws Exception {
		for (JsonNode item : JSON.readTree(get(this.demo.url(DemoService.GATEWAY) + "/api/catalog").body())) {
			if (item.path("available").asInt() >= quantity) {
				return item;
			}
		}
		throw new AssertionError("no catalog item with " + quantity + " in stock");
	}

	String placeOrder(String customerId, String sku, int quantity) throws Exception {
		HttpResponse<String> response = send("POST", this.demo.url(DemoService.GATEWAY) + "/api/orders",
				"{\"customerId\":\"" + customerId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
						+ "}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).path("id").asString();
	}

	String orderStatus(String orderId) throws Exception {
		HttpResponse<String> response = get(this.demo.url(DemoService.GATEWAY) + "/api/orders/" + orderId);
		return (response.statusCode() == 200) ? JSON.readTree(response.body()).path("order").path("status").asString()
				: "HTTP " + response.statusCode();
	}

	/** JSON log lines of a service that mention the text. */
	List<JsonNode> logLines(DemoService service, String text) throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(this.demo.logFile(service), StandardCharsets.UTF_8)) {
			if (line.startsWith("{") && line.contains(text)) {
				lines.add(JSON.readTree(line));
			}
		}
		return lines;
	}

	/** The service names of a Zipkin trace's spans, and whether it has Kafka producer and consumer spans. */
	static Set<String> serviceNames(JsonNode trace) {
		Set<String> names = new HashSet<>();
		for (JsonNode span : trace) {
			names.add(span.path("localEndpoint").path("serviceName").asString(""));
		}
		return names;
	}

	static Set<String> kinds(JsonNode trace) {
		Set<String> kinds = new HashSet<>();
		for (JsonNode span : trace) {
			kinds.add(span.path("kind").asString(""));
		}
		return kinds;
	}

}
