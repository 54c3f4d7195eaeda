package io.sightline.demo.launcher;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The generator against a real HTTP server on loopback that answers like the BFF, slowly. */
class LoadGeneratorTests {

	@Test
	void steadyBoundedMixedTrafficWithLatencyFromTheSchedule() throws Exception {
		AtomicInteger served = new AtomicInteger();
		HttpServer bff = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		bff.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
		bff.createContext("/", (exchange) -> {
			served.incrementAndGet();
			String path = exchange.getRequestURI().getPath();
			String body = path.equals("/api/catalog") ? "[{\"sku\":\"SKU-1\"},{\"sku\":\"SKU-2\"}]"
					: path.equals("/api/orders") ? "{\"id\":\"o-" + served.get() + "\",\"status\":\"PENDING\"}"
							: "{\"order\":{\"status\":\"CONFIRMED\"}}";
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(path.equals("/api/orders") ? 201 : 200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		bff.start();
		try {
			LoadGenerator.Report report = new LoadGenerator("http://127.0.0.1:" + bff.getAddress().getPort())
				.run(100, Duration.ofSeconds(3), 200);
			// bounded by the count (200), not the duration (300 would fit)
			assertThat(report.requests()).isEqualTo(200);
			assertThat(report.errors()).isZero();
			assertThat(report.latency().getTotalCount()).isEqualTo(200);
			assertThat(report.latency().getValueAtPercentile(50)).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
			long browse = report.byKind().getOrDefault("browse", 0L);
			long order = report.byKind().getOrDefault("order", 0L);
			assertThat(browse).isBetween(110L, 170L);
			assertThat(order).isBetween(25L, 80L);
			assertThat(report.toString()).contains("p99").contains("requests");
		}
		finally {
			bff.stop(0);
		}
	}

	@Test
	void refusesAnUnboundedRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoadGenerator("http://127.0.0.1:1").run(0,
				Duration.ofSeconds(1), 1)).withMessageContaining("rate");
	}

}
