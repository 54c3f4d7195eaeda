package io.sightline.agent.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sightline.agent.it.app.SmokeApplication;
import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance 8, the overhead note: time from process start to the first healthy answer of
 * /actuator/health, for the app bare (agentless starter), with the stock agent, and with the Sightline
 * agent; five runs each, interleaved, medians and ratios printed. Opt-in ({@code
 * -Dsightline.measure.startup=true}): fifteen launches take about two minutes on two cores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedZipkin.class)
class StartupTimeIT {

	static final int RUNS = 5;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/** Before each, not before all: JUnit then reports the test itself as skipped, visibly. */
	@BeforeEach
	void optIn() {
		assumeTrue(Boolean.getBoolean("sightline.measure.startup"),
				"startup measurement is opt-in: run with -Dsightline.measure.startup=true");
	}

	@Test
	void startupTimeToHealthyBareVersusStockAgentVersusSightlineAgent(RestartableZipkin zipkin) throws Exception {
		String releaseId = "rel-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> telemetry = AbstractAgentSmokeIT.telemetryOptions(zipkin, releaseId);
		Map<String, List<String>> variants = new LinkedHashMap<>();
		// the starter agentless (Brave + zipkin-reporter), exporting to the same Zipkin
		variants.put("bare", List.of("-Dsightline.environment=smoke", "-Dsightline.release.id=" + releaseId,
				"-Dmanagement.tracing.export.zipkin.endpoint=" + zipkin.spansEndpoint()));
		List<String> stock = new ArrayList<>(List.of("-javaagent:" + ItTools.agentJar().toAbsolutePath(),
				"-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
		stock.addAll(telemetry);
		variants.put("stock agent", stock);
		List<String> sightline = new ArrayList<>(List.of("-javaagent:" + AbstractAgentSmokeIT.sightlineAgentJar()));
		sightline.addAll(telemetry);
		variants.put("sightline agent", sightline);
		List<String> allInstrumentations = new ArrayList<>(sightline);
		allInstrumentations.add("-D" + "sightline.instrumentation.curated=false");
		variants.put("sightline all", allInstrumentations);

		Map<String, List<Long>> samples = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> samples.put(name, new ArrayList<>()));
		for (int run = 0; run < RUNS; run++) {
			for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
				samples.get(variant.getKey()).add(millisToHealthy("startup-" + run, variant.getValue()));
			}
		}

		Map<String, Long> medians = new LinkedHashMap<>();
		samples.forEach((name, millis) -> medians.put(name, median(millis)));
		long bare = medians.get("bare");
		long stockAgent = medians.get("stock agent");
		long sightlineAgent = medians.get("sightline agent");
		long sightlineAll = medians.get("sightline all");
		StringBuilder report = new StringBuilder();
		report.append(String.format("Startup to healthy (/actuator/health 200), median of %d interleaved runs, java %s, %d cores:%n",
				RUNS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		samples.forEach((name, millis) -> report
			.append(String.format("  %-16s median %5d ms   runs %s%n", name, medians.get(name), millis)));
		report.append(String.format("  ratios: stock/bare %.2f, sightline/bare %.2f, sightline/stock %.2f%n",
				ratio(stockAgent, bare), ratio(sightlineAgent, bare), ratio(sightlineAgent, stockAgent)));
		report.append(String.format("  curated (the default) / all instrumentations %.2f; all / stock %.2f%n",
				ratio(sightlineAgent, sightlineAll), ratio(sightlineAll, stockAgent)));
		System.out.print(report);
		Files.writeString(Path.of("target", "startup-times.txt"), report);
	}

	private long millisToHealthy(String name, List<String> jvmOptions) throws IOException, InterruptedException {
		int port = ItTools.freePort();
		List<String> command = new ArrayList<>(List.of(ItTools.javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-Dspring.application.name=" + name));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), SmokeApplication.class.getName(),
				"--server.port=" + port, "--server.address=127.0.0.1"));
		URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
		long start = System.nanoTime();
		ManagedProcess process = ManagedProcess.start(name, command, Map.of());
		try {
			long deadline = start + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException(name + " exited:\n" + process.tail());
				}
				if (healthy(health)) {
					return Duration.ofNanos(System.nanoTime() - start).toMillis();
				}
				Thread.sleep(50);
			}
			throw new IllegalStateException(name + " not healthy within 120 s:\n" + process.tail());
		}
		finally {
			process.close();
			// let the machine settle before the next launch
			Thread.sleep(500);
		}
	}

	private boolean healthy(URI health) throws InterruptedException {
		try {
			return this.http
				.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static double ratio(long a, long b) {
		return (double) a / b;
	}

}
