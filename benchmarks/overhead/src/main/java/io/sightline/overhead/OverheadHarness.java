package io.sightline.overhead;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;
import io.sightline.it.support.ZipkinServer;
import io.sightline.overhead.load.ClosedLoopLoad;
import io.sightline.overhead.load.DownstreamServer;
import io.sightline.overhead.load.HttpConnection;
import io.sightline.overhead.load.LoadResult;
import io.sightline.overhead.load.OpenLoopLoad;
import io.sightline.overhead.load.RequestMix;
import io.sightline.overhead.probe.AllocationCounter;
import io.sightline.overhead.probe.ProcessStats;
import io.sightline.overhead.profile.JfrProfile;
import io.sightline.overhead.profile.ThreadCpu;
import io.sightline.overhead.profile.VariantProfile;

/**
 * Runs the overhead app in its four variants, interleaved round by round, against one real Zipkin and
 * one downstream stub, and measures per variant: startup to healthy, maximum throughput (closed loop),
 * RSS, then latency, CPU and allocation per request at a fixed arrival rate (open loop). See
 * docs/benchmarks.md for the method and the command.
 */
public final class OverheadHarness {

	private static final String STARTER_JAR_PREFIX = "BOOT-INF/lib/sightline-spring-boot-starter-";

	private static final Duration WARMUP_SLICE = Duration.ofSeconds(5);

	private static final Duration WARMUP_MINIMUM = Duration.ofSeconds(15);

	private static final Duration OPEN_WARMUP_MINIMUM = Duration.ofSeconds(10);

	private final HarnessSettings settings;

	private final OverheadResults results = new OverheadResults();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private CpuPinning pinning;

	private double arrivalRate;

	private String report;

	public OverheadHarness(HarnessSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		OverheadHarness harness = new OverheadHarness(HarnessSettings.fromSystemProperties());
		harness.run();
		System.out.println(harness.report());
	}

	/** The markdown of the last run (what the full run writes into docs/benchmarks.md). */
	public String report() {
		return this.report;
	}

	public OverheadResults run() throws Exception {
		List<Variant> variants = this.settings.variants();
		for (Variant variant : variants) {
			requireStarter(this.settings.tool(variant, appJar(variant)), variant.hasStarter());
			if (variant.agent() != Variant.Agent.NONE) {
				requireAgent(this.settings.tool(variant, agentJar(variant)));
			}
		}
		Files.createDirectories(this.settings.work());
		this.pinning = CpuPinning.plan(this.settings.pinCpus());
		this.arrivalRate = this.settings.fixedRate();
		this.results.arrivalRate(this.arrivalRate);
		long started = System.nanoTime();
		this.pinning.pinHarness();
		try (ZipkinServer zipkin = ZipkinServer.start(this.settings.tool("zipkin-server.jar"), ItTools.freePort(),
				this.settings.work().resolve("zipkin.log")); DownstreamServer downstream = DownstreamServer.start()) {
			ZipkinSpans spans = new ZipkinSpans(zipkin);
			for (int round = 1; round <= this.settings.rounds(); round++) {
				for (Variant variant : variants) {
					VariantRun run = runVariant(variant, round, spans, downstream);
					this.results.add(run);
					progress(run);
				}
				if (this.arrivalRate <= 0) {
					// a rate every variant sustains: a fraction of the slowest one's maximum
					double slowest = this.results.runs().stream().mapToDouble(VariantRun::throughputPerSecond).min()
						.orElseThrow();
					this.arrivalRate = Math.max(1, slowest * this.settings.rateFraction());
					this.results.arrivalRate(this.arrivalRate);
				}
			}
		}
		finally {
			this.pinning.release();
		}
		this.results.wallNanos(System.nanoTime() - started);
		this.report = ReportWriter.markdown(this.results, this.settings, MachineDescription.current(), this.pinning,
				Instant.now());
		Files.writeString(this.settings.work().resolve("overhead-report.md"), this.report, StandardCharsets.UTF_8);
		if (this.settings.full() && this.settings.report() != null) {
			ReportWriter.writeInto(this.settings.report(), this.report);
			System.out.println("[overhead] wrote " + this.settings.report());
		}
		return this.results;
	}

	private static String appJar(Variant variant) {
		return variant.hasStarter() ? "overhead-app-sightline.jar" : "overhead-app-bare.jar";
	}

	private static String agentJar(Variant variant) {
		return (variant.agent() == Variant.Agent.STOCK) ? "opentelemetry-javaagent.jar" : "sightline-javaagent.jar";
	}

	/**
	 * One fresh JVM of a variant: startup, closed-loop warm-up and maximum throughput, RSS; then, once the
	 * arrival rate is known (from round 2 on, unless it was fixed), the open-loop warm-up and the latency,
	 * CPU and allocation phase; in round 1, the profile.
	 */
	private VariantRun runVariant(Variant variant, int round, ZipkinSpans zipkin, DownstreamServer downstream)
			throws Exception {
		int port = ItTools.freePort();
		List<String> command = new ArrayList<>(this.pinning.appCommandPrefix());
		command.add(ItTools.javaBin());
		command.add("-Xmx512m");
		command.addAll(jvmOptions(variant, zipkin.spansEndpoint()));
		command.add("-jar");
		command.add(this.settings.tool(variant, appJar(variant)).toString());
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.add("--overhead.downstream-url=" + downstream.url());
		Path log = this.settings.work().resolve(variant.key() + "-round" + round + ".log");
		long spansBefore = zipkin.received();
		long downstreamBefore = downstream.requests();
		InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
		RequestMix mix = RequestMix.orders(port);

		long launched = System.nanoTime();
		ManagedProcess app = ManagedProcess.start(variant.serviceName(), command, Map.of(), log);
		double startupMillis;
		LoadResult warmup;
		LoadResult max;
		LoadResult open = null;
		LoadResult openWarmup = null;
		VariantProfile profile = null;
		long profiledRequests = 0;
		double busy;
		long rss;
		double cpuMicrosPerRequest = Double.NaN;
		double allocatedBytesPerRequest = Double.NaN;
		int scrapes;
		int prometheusStatus;
		int sightlineSeries;
		try {
			startupMillis = awaitHealthy(app, port, launched);
			try (MetricsScraper scraper = MetricsScraper.start("http://127.0.0.1:" + port,
					this.settings.scrapeInterval())) {
				String first;
				try (HttpConnection connection = new HttpConnection(target)) {
					first = connection.exchangeForBody(mix.get(0));
				}
				if (!first.startsWith("200 ") || !first.contains("\"orderId\"")) {
					throw new IllegalStateException("POST /orders answered " + first);
				}
				warmup = warmUp(target, mix);
				long cpuBefore = ProcessStats.cpuNanos(app.pid());
				max = ClosedLoopLoad.run(target, mix, this.settings.closedLoopConnections(), this.settings.throughput());
				busy = (ProcessStats.cpuNanos(app.pid()) - cpuBefore) / (double) max.elapsedNanos();
				rss = ProcessStats.rssBytes(app.pid());
				if (this.arrivalRate > 0) {
					openWarmup = warmUpOpenLoop(target, mix, app.pid());
					try (AllocationCounter allocation = AllocationCounter.attach(app.pid())) {
						Map<Long, Long> allocatedBefore = allocation.snapshot();
						long cpuAtStart = ProcessStats.cpuNanos(app.pid());
						open = OpenLoopLoad.run(target, mix, this.arrivalRate, this.settings.latency(),
								this.settings.openLoopConnections());
						long cpuNanos = ProcessStats.cpuNanos(app.pid()) - cpuAtStart;
						long allocatedBytes = AllocationCounter.allocatedBetween(allocatedBefore, allocation.snapshot());
						cpuMicrosPerRequest = cpuNanos / 1000.0 / open.requests();
						allocatedBytesPerRequest = (double) allocatedBytes / open.requests();
					}
				}
				if (round == 1 && !this.settings.profile().isZero()) {
					profile = profile(variant, app.pid(), target, mix);
					profiledRequests = profile.requests();
				}
				scraper.scrapeNow();
				scrapes = scraper.scrapes();
				prometheusStatus = scraper.lastStatus();
				sightlineSeries = scraper.sightlineSeries();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(variant.label() + ", round " + round + " failed: " + ex
					+ "\nThe app's output ends with:\n" + app.tail(), ex);
		}
		finally {
			app.close();
		}
		long spans = zipkin.receivedWhenSettled(Duration.ofSeconds(8)) - spansBefore;
		boolean inZipkin = zipkin.hasService(variant.serviceName());
		long requests = 1 + warmup.requests() + max.requests() + profiledRequests;
		long failed = warmup.failed() + max.failed();
		if (open != null) {
			requests += openWarmup.requests() + open.requests();
			failed += openWarmup.failed() + open.failed();
		}
		long downstreamCalls = downstream.requests() - downstreamBefore;
		if (this.settings.full()) {
			keepTail(log, 64 * 1024);
		}
		return new VariantRun(variant, round, startupMillis, warmup.elapsedNanos() / 1e9, max.throughputPerSecond(),
				busy, (open != null) ? openWarmup.elapsedNanos() / 1e9 : Double.NaN,
				(open != null) ? this.arrivalRate : Double.NaN, latency(open, 50), latency(open, 99),
				latency(open, 99.9), (open != null) ? open.latencyMicros().getMaxValue() / 1000.0 : Double.NaN,
				cpuMicrosPerRequest, allocatedBytesPerRequest, rss, requests, failed, (double) spans / requests,
				(double) downstreamCalls / requests, scrapes, prometheusStatus, sightlineSeries, inZipkin, profile);
	}

	private static double latency(LoadResult open, double percentile) {
		return (open != null) ? open.latencyMillis(percentile) : Double.NaN;
	}

	/**
	 * A closed loop as long as {@link HarnessSettings#profile()}, recorded by JFR, with every thread's CPU
	 * time read before and after and the heap allocation counted: where the CPU and the bytes of a request
	 * go. It runs after the measured phases, so the recorder's own cost touches no figure but its own.
	 */
	private VariantProfile profile(Variant variant, long pid, InetSocketAddress target, RequestMix mix)
			throws Exception {
		try (AllocationCounter allocation = AllocationCounter.attach(pid)) {
			JfrProfile recording = JfrProfile.start(pid, this.settings.work().resolve(variant.key() + "-profile.jfr"),
					asyncProfiler());
			Map<String, Double> threadsBefore = ThreadCpu.snapshot(pid);
			Map<Long, Long> allocatedBefore = allocation.snapshot();
			LoadResult load = ClosedLoopLoad.run(target, mix, this.settings.closedLoopConnections(),
					this.settings.profile());
			long allocated = AllocationCounter.allocatedBetween(allocatedBefore, allocation.snapshot());
			Map<String, Double> threadsAfter = ThreadCpu.snapshot(pid);
			JfrProfile.Samples samples = recording.stop();
			return new VariantProfile(load.requests(), ThreadCpu.spentByGroup(threadsBefore, threadsAfter), allocated,
					samples);
		}
	}

	/**
	 * Closed-loop load in slices of 5 s until the JIT has done its work: at least 15 s, then until two
	 * successive slices each changed throughput by at most 3 %, at most {@link HarnessSettings#warmup()}. On
	 * one CPU the compiler competes with the requests, and an agent gives it more to compile.
	 */
	private LoadResult warmUp(InetSocketAddress target, RequestMix mix) throws InterruptedException {
		Duration slice = (this.settings.warmup().compareTo(WARMUP_SLICE) < 0) ? this.settings.warmup() : WARMUP_SLICE;
		long succeeded = 0;
		long failed = 0;
		long elapsed = 0;
		List<Double> throughputs = new ArrayList<>();
		while (elapsed < this.settings.warmup().toNanos()) {
			LoadResult result = ClosedLoopLoad.run(target, mix, this.settings.closedLoopConnections(), slice);
			succeeded += result.succeeded();
			failed += result.failed();
			elapsed += result.elapsedNanos();
			throughputs.add(result.throughputPerSecond());
			if (elapsed >= WARMUP_MINIMUM.toNanos() && steady(throughputs, 0.03)) {
				break;
			}
		}
		return new LoadResult(succeeded, failed, elapsed, null);
	}

	/**
	 * Open-loop load at the measured rate in slices of 5 s, until the app's CPU per request is steady: at
	 * least 10 s, then until two successive slices each changed it by at most 5 %, at most {@link
	 * HarnessSettings#openWarmup()}. A different load shape makes the JIT compile and recompile again: after
	 * a steady closed loop, the first open-loop seconds still cost up to twice the CPU.
	 */
	private LoadResult warmUpOpenLoop(InetSocketAddress target, RequestMix mix, long pid)
			throws InterruptedException, IOException {
		Duration slice = (this.settings.openWarmup().compareTo(WARMUP_SLICE) < 0) ? this.settings.openWarmup()
				: WARMUP_SLICE;
		long succeeded = 0;
		long failed = 0;
		long elapsed = 0;
		List<Double> cpuPerRequest = new ArrayList<>();
		while (elapsed < this.settings.openWarmup().toNanos()) {
			long cpuBefore = ProcessStats.cpuNanos(pid);
			LoadResult result = OpenLoopLoad.run(target, mix, this.arrivalRate, slice,
					this.settings.openLoopConnections());
			cpuPerRequest.add((double) (ProcessStats.cpuNanos(pid) - cpuBefore) / Math.max(1, result.requests()));
			succeeded += result.succeeded();
			failed += result.failed();
			elapsed += result.elapsedNanos();
			if (elapsed >= OPEN_WARMUP_MINIMUM.toNanos() && steady(cpuPerRequest, 0.05)) {
				break;
			}
		}
		return new LoadResult(succeeded, failed, elapsed, null);
	}

	/** Whether each of the last two changes in the series is at most {@code tolerance} of the value before. */
	private static boolean steady(List<Double> values, double tolerance) {
		int last = values.size() - 1;
		if (last < 2) {
			return false;
		}
		for (int i = last - 1; i <= last; i++) {
			double before = values.get(i - 1);
			if (Math.abs(values.get(i) - before) > tolerance * before) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The same telemetry destination for every traced variant; otherwise each runs at its defaults. The
	 * stock agent's metrics and logs exporters are off: they would send OTLP to a collector that is not
	 * there, and Sightline's agent defaults them to off too (metrics go through Micrometer).
	 */
	private List<String> jvmOptions(Variant variant, String zipkinSpans) {
		List<String> options = new ArrayList<>();
		options.add("-Dspring.application.name=" + variant.serviceName());
		switch (variant.agent()) {
			case STOCK:
				options.add("-javaagent:" + this.settings.tool("opentelemetry-javaagent.jar"));
				options.add("-Dotel.service.name=" + variant.serviceName());
				options.add("-Dotel.metrics.exporter=none");
				options.add("-Dotel.logs.exporter=none");
				break;
			case SIGHTLINE:
				options.add("-javaagent:" + this.settings.tool(variant, "sightline-javaagent.jar"));
				options.addAll(this.settings.sightlineOptions());
				break;
			default:
				break;
		}
		if (variant.agent() != Variant.Agent.NONE) {
			options.add("-Dotel.traces.exporter=zipkin");
			options.add("-Dotel.exporter.zipkin.endpoint=" + zipkinSpans);
		}
		if (variant.hasStarter()) {
			options.add("-Dsightline.environment=bench");
			options.add("-Dmanagement.tracing.sampling.probability=1.0");
			options.add("-Dmanagement.tracing.export.zipkin.endpoint=" + zipkinSpans);
		}
		return options;
	}

	/** Milliseconds from launch to the first 200 of /actuator/health, polled every 20 ms. */
	private double awaitHealthy(ManagedProcess app, int port, long launchedNanos) throws InterruptedException {
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = launchedNanos + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException(app.name() + " exited before it was healthy");
			}
			try {
				if (this.http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return (System.nanoTime() - launchedNanos) / 1e6;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(app.name() + " not healthy within 180 s");
	}

	/** The bare jar must not contain the starter at all; the other one must. */
	private static void requireStarter(Path jar, boolean expected) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			boolean present = zip.stream().anyMatch((entry) -> entry.getName().startsWith(STARTER_JAR_PREFIX));
			if (present != expected) {
				throw new IllegalStateException(jar + (expected ? " lacks" : " contains") + " the Sightline starter");
			}
		}
	}

	/**
	 * async-profiler's library, unpacked from the jar Maven copied, where it runs (Linux on x86-64); null
	 * elsewhere, and the profile falls back to JDK Flight Recorder.
	 */
	private Path asyncProfiler() throws IOException {
		Path jar = this.settings.tools().resolve("async-profiler.jar");
		if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))
				|| !Files.isRegularFile(jar)) {
			return null;
		}
		Path library = this.settings.work().resolve("libasyncProfiler.so");
		if (!Files.isRegularFile(library)) {
			try (ZipFile zip = new ZipFile(jar.toFile())) {
				java.util.zip.ZipEntry entry = zip.getEntry("linux-x64/libasyncProfiler.so");
				if (entry == null) {
					return null;
				}
				try (java.io.InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, library);
				}
			}
		}
		return library;
	}

	/** A readable javaagent jar (a jar rebuilt while it was copied is not). */
	private static void requireAgent(Path jar) throws IOException {
		try (JarFile agent = new JarFile(jar.toFile())) {
			Manifest manifest = agent.getManifest();
			if (manifest == null || manifest.getMainAttributes().getValue("Premain-Class") == null) {
				throw new IllegalStateException(jar + " is not a javaagent: no Premain-Class");
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw new IllegalStateException(jar + " is not a readable jar (rebuild it)", ex);
		}
	}

	/** A full run logs gigabytes; keep the end of each log only. */
	private static void keepTail(Path log, int bytes) throws IOException {
		byte[] tail;
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			if (length <= bytes) {
				return;
			}
			tail = new byte[bytes];
			file.seek(length - bytes);
			file.readFully(tail);
		}
		Files.write(log, tail);
	}

	private void progress(VariantRun run) {
		String closed = String.format(Locale.ROOT,
				"[overhead] round %d/%d %-16s startup %.2f s; warm after %.0f s: %,.0f req/s (%.2f CPUs busy, %.0f µs CPU per request); ",
				run.round(), this.settings.rounds(), run.variant().label(), run.startupMillis() / 1000,
				run.warmupSeconds(), run.throughputPerSecond(), run.appCpuBusy(), run.closedLoopCpuMicrosPerRequest());
		String open = run.measuredOpenLoop() ? String.format(Locale.ROOT,
				"at %,.0f req/s, warm after %.0f s: p50 %.2f p99 %.2f p99.9 %.2f ms, %.0f µs CPU and %.1f KiB per request; ",
				run.arrivalRate(), run.openWarmupSeconds(), run.p50Millis(), run.p99Millis(), run.p999Millis(),
				run.cpuMicrosPerRequest(), run.allocatedBytesPerRequest() / 1024) : "calibration round, no open loop; ";
		System.out.println(closed + open + String.format(Locale.ROOT, "RSS %.0f MB; %.2f spans per request; %d failed",
				run.rssBytes() / 1e6, run.spansPerRequest(), run.failedRequests()));
	}

}
