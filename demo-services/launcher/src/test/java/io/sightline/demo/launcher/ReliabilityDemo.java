package io.sightline.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sightline.it.support.JsonLinesReceiver;
import io.sightline.it.support.VictoriaMetricsServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One demo for the reliability and bad-input ITs, launched once per test JVM and shared through
 * JUnit's root store (closed when the JVM's run ends); the build gives each of those classes a JVM of
 * its own, and the soak test shares ReliabilityIT's when both run. Agent mode, the production path: the services run with
 * sightline-javaagent.jar, push metrics and events to a real VictoriaMetrics (Influx v2 API), ship logs
 * to a json_lines receiver, export spans to Zipkin, and are scraped by Prometheus when installed.
 *
 * <p>Test settings beyond the demo's own: the agent captures the {@code authorization},
 * {@code x-customer-email} and {@code x-card} request headers and JDBC query parameters (so that
 * redaction is exercised on them); emails are redacted by a pattern; the log shipping ring buffer holds
 * 128 events and an event write gives up after about 10 s, so that the drops of a 30 s outage are
 * visible within it.
 */
final class ReliabilityDemo implements AutoCloseable {

	/** Scrape interval, SLO sample interval and Influx push step. */
	static final Duration STEP = Duration.ofSeconds(5);

	/**
	 * The redaction pattern for emails: no comma (list properties split on commas), and matches start
	 * only where a run of address characters starts, so a long run without '@' costs linear time.
	 */
	static final String EMAIL_PATTERN = "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+";

	/** Log shipping ring buffer of this run (the default is 8192). */
	static final int RING_BUFFER = 128;

	final Demo demo;

	final VictoriaMetricsServer victoria;

	final JsonLinesReceiver logstash;

	final Path runDir;

	final Duration startup;

	private final java.util.Map<DemoService, String> histograms = new java.util.concurrent.ConcurrentHashMap<>();

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private ReliabilityDemo(Demo demo, VictoriaMetricsServer victoria, JsonLinesReceiver logstash, Path runDir,
			Duration startup) {
		this.demo = demo;
		this.victoria = victoria;
		this.logstash = logstash;
		this.runDir = runDir;
		this.startup = startup;
	}

	static ReliabilityDemo start() throws Exception {
		Path lib = Path.of(System.getProperty("demo.lib", "target/demo-lib"));
		Path runDir = Files.createTempDirectory("sightline-reliability-");
		VictoriaMetricsServer victoria = VictoriaMetricsServer.start(Files.createDirectories(runDir.resolve("victoria")));
		JsonLinesReceiver logstash = new JsonLinesReceiver(AbstractDemoIT.freePort());
		try {
			logstash.start();
			int base = AbstractDemoIT.freeBlock();
			DemoConfig config = new DemoConfig(lib, runDir, true, base, 10, AbstractDemoIT.freePort(),
					AbstractDemoIT.freePort(), AbstractDemoIT.freePort(),
					AbstractDemoIT.freePort(), AbstractDemoIT.freePort(),
					AbstractDemoIT.freePort(), Path.of(System.getProperty("demo.prometheus", "../../prometheus")),
					STEP, logstash.port())
				.withInflux(victoria.url())
				// Prometheus' rule evaluation would only add CPU bursts to the latency measured here
				.withoutMonitoring()
				// a full GC then compacts fully: by default Serial leaves up to 5 % of the old generation as dead
				// space, counted as used, which would blur the retained-heap measurements by several MB
				.withArgs(List.of("-XX:MarkSweepDeadRatio=0",
						"-Dotel.instrumentation.http.server.capture-request-headers=authorization,x-customer-email,x-card",
						"-Dotel.instrumentation.jdbc.experimental.capture-query-parameters=true",
						"-Dsightline.redaction.patterns=" + EMAIL_PATTERN),
						List.of("--sightline.logging.logstash.ring-buffer-size=" + RING_BUFFER,
								"--sightline.events.influx.retry-interval=1s",
								"--sightline.events.influx.max-retry-delay=2s"));
			long start = System.nanoTime();
			Demo demo = Demo.start(config);
			Duration startup = Duration.ofNanos(System.nanoTime() - start);
			System.out.printf("Reliability demo (agent mode) ready in %d s, run folder %s%n", startup.toSeconds(), runDir);
			return new ReliabilityDemo(demo, victoria, logstash, runDir, startup);
		}
		catch (Exception | Error ex) {
			logstash.close();
			victoria.close();
			throw ex;
		}
	}

	String gateway() {
		return this.demo.url(DemoService.GATEWAY);
	}

	HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	Scrape scrape(DemoService service) throws IOException, InterruptedException {
		HttpResponse<String> response = get(this.demo.managementUrl(service) + "/actuator/prometheus");
		if (response.statusCode() != 200) {
			throw new IllegalStateException(service.serviceName() + " /actuator/prometheus answered " + response.statusCode());
		}
		return Scrape.parse(response.body());
	}

	/** Sum of a metric over the four services. */
	double sumOverServices(String name, String... labelPairs) throws IOException, InterruptedException {
		double sum = 0;
		for (DemoService service : DemoService.values()) {
			sum += scrape(service).sum(name, labelPairs);
		}
		return sum;
	}

	/**
	 * Heap retained after a full GC: {@code jcmd <pid> GC.class_histogram} collects (and lists the live
	 * classes, kept for diagnosis), then the used bytes of every heap pool except eden, which only holds
	 * what was allocated since. The services run with {@code -XX:MarkSweepDeadRatio=0}, so that this is
	 * the live heap. (On Java 17 the histogram lists dead space, as {@code int[]}, with the live objects.)
	 */
	long heapAfterGc(DemoService service) throws IOException, InterruptedException {
		long pid = this.demo.pid(service);
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Assumptions.assumeTrue(Files.isExecutable(jcmd), "jcmd not found next to " + System.getProperty("java.home")
				+ ": run the tests on a JDK (apt-get install openjdk-17-jdk-headless)");
		Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + output);
		}
		this.histograms.put(service, output);
		return (long) scrape(service).samples()
			.stream()
			.filter((s) -> s.name().equals("jvm_memory_used_bytes") && s.has("area", "heap")
					&& !s.labels().getOrDefault("id", "").contains("Eden"))
			.mapToDouble(Scrape.Sample::value)
			.sum();
	}

	/** The class histogram of the last {@link #heapAfterGc} of a service. */
	String lastHistogram(DemoService service) {
		return this.histograms.getOrDefault(service, "");
	}

	/**
	 * Waits (at most 30 s) until the agents have exported every queued span: under a burst the batch
	 * span processors hold up to 2048 spans each, a few MB that a heap measurement would count.
	 */
	void awaitSpanExportIdle() throws Exception {
		double last = -1;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			double exported = sumOverServices("sightline_tracing_spans_exported_total");
			if (exported == last) {
				return;
			}
			last = exported;
			Thread.sleep(1500);
		}
	}

	/** CPU time (user + system) a process used so far, from /proc (0 when unknown). */
	static long cpuMillis(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the fields after the command name, which is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** CPU time of the four services together. */
	long servicesCpuMillis() {
		long total = 0;
		for (DemoService service : DemoService.values()) {
			total += cpuMillis(this.demo.pid(service));
		}
		return total;
	}

	/** Bytes of a service's log file from this offset on. */
	byte[] logBytesFrom(DemoService service, long offset) throws IOException {
		byte[] all = Files.readAllBytes(this.demo.logFile(service));
		return java.util.Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length);
	}

	long logSize(DemoService service) throws IOException {
		return Files.size(this.demo.logFile(service));
	}

	@Override
	public void close() throws Exception {
		List<Exception> failures = new ArrayList<>();
		try {
			this.demo.close();
		}
		catch (RuntimeException ex) {
			failures.add(ex);
		}
		this.logstash.close();
		this.victoria.close();
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
	}

	/**
	 * Starts the shared demo before the first class that uses it (skipping visibly when VictoriaMetrics
	 * is not installed) and hands it to {@code @BeforeAll} methods as a parameter.
	 */
	static final class Extension implements BeforeAllCallback, ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReliabilityDemo.class);

		@Override
		public void beforeAll(ExtensionContext context) {
			Assumptions.assumeTrue(VictoriaMetricsServer.binary() != null,
					"VictoriaMetrics not installed: apt-get install " + VictoriaMetricsServer.APT_PACKAGE);
			shared(context);
		}

		private static ReliabilityDemo shared(ExtensionContext context) {
			return context.getRoot().getStore(NAMESPACE).computeIfAbsent("demo", (key) -> {
				try {
					return ReliabilityDemo.start();
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException("the reliability demo did not start", ex);
				}
			}, ReliabilityDemo.class);
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == ReliabilityDemo.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return shared(context);
		}

	}

}
