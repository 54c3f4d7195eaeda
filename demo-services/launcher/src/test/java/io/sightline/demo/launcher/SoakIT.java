package io.sightline.demo.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soak (a documented command, not part of CI): the demo in agent mode with every backend up,
 * at a fixed rate for 20 minutes. Samples every minute the RSS of every process, the p99 and every
 * queue-like gauge the services publish (queued tasks, pending connections, consumer lag, busy
 * threads, buffers); reports the drift of the RSS and of the heap retained after a full GC, and fails on
 * errors, on a queue that keeps growing, or on the telemetry stack's own live objects growing by more
 * than 10 % (the whole heap also holds the demo's data, orders in an in-memory database, which grows).
 *
 * <pre>
 * ./mvnw -pl demo-services/launcher -am verify -Dit.test=SoakIT -Dsightline.soak=true -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *   [-Dsightline.soak.minutes=20] [-Dsightline.soak.rate=30] [-Dsightline.reliability.write=true]
 * </pre>
 */
@EnabledIfSystemProperty(named = "sightline.soak", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ReliabilityDemo.Extension.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 3)
@org.junit.jupiter.api.Tag("alone")
class SoakIT {

	static final String COMMAND = "./mvnw -pl demo-services/launcher -am verify -Dit.test=SoakIT -Dsightline.soak=true "
			+ "-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "
			+ "-Dsightline.reliability.write=true";

	static final long MINUTES = Long.getLong("sightline.soak.minutes", 20);

	static final int RATE = Integer.getInteger("sightline.soak.rate", 30);

	static final Duration SAMPLE = Duration.ofSeconds(Long.getLong("sightline.soak.sample-seconds", 60));

	static final Duration WARMUP = Duration.ofMinutes(2);

	/**
	 * The telemetry stack's own classes: agent and SDK, Micrometer and Prometheus client, logging and its
	 * shipping, the Zipkin and Influx clients, Sightline. A queue of theirs that grows shows here; the
	 * demo's own data (orders in an in-memory H2 database) does not.
	 */
	static final Pattern TELEMETRY = Pattern.compile(
			"(io\\.opentelemetry\\.|io\\.micrometer\\.|io\\.prometheus\\.|net\\.logstash\\.|ch\\.qos\\.logback\\.|zipkin2\\.|com\\.influxdb\\.|io\\.sightline\\.boot\\.|io\\.sightline\\.otel\\.)");

	/** Gauges that measure a backlog: they must not keep growing. */
	static final Pattern QUEUE = Pattern.compile(".*(queue|queued|pending|lag|backlog|in_flight|busy|buffer_count).*");

	private ReliabilityDemo shared;

	@BeforeAll
	void setUp(ReliabilityDemo demo) {
		this.shared = demo;
	}

	record Sample(Duration at, Map<String, Long> rss, Map<String, Double> queues, LoadGenerator.Interval load) {

	}

	@Test
	void twentyMinutesAtAFixedRateWithoutDriftOrGrowingQueues() throws Exception {
		LoadGenerator load = new LoadGenerator(this.shared.gateway());
		AtomicReference<LoadGenerator.Report> total = new AtomicReference<>();
		Thread runner = new Thread(() -> {
			try {
				total.set(load.run(RATE, WARMUP.plusMinutes(MINUTES).plusMinutes(5), Long.MAX_VALUE));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "soak-load");
		runner.setDaemon(true);
		runner.start();
		Map<DemoService, Long> heapBefore = new EnumMap<>(DemoService.class);
		Map<DemoService, Long> heapAfter = new EnumMap<>(DemoService.class);
		Map<DemoService, Long> telemetryBefore = new EnumMap<>(DemoService.class);
		Map<DemoService, Long> telemetryAfter = new EnumMap<>(DemoService.class);
		List<Sample> samples = new ArrayList<>();
		Instant start;
		try {
			Thread.sleep(WARMUP.toMillis());
			for (DemoService service : DemoService.values()) {
				heapBefore.put(service, this.shared.heapAfterGc(service));
				telemetryBefore.put(service, telemetryBytes(this.shared.lastHistogram(service)));
			}
			load.interval();
			start = Instant.now();
			Instant end = start.plus(Duration.ofMinutes(MINUTES));
			while (Instant.now().isBefore(end)) {
				Thread.sleep(SAMPLE.toMillis());
				Sample sample = new Sample(Duration.between(start, Instant.now()), rss(), queues(), load.interval());
				samples.add(sample);
				System.out.printf("soak %3d s: %s; RSS MB %s; queues %s%n", sample.at().toSeconds(), sample.load(),
						mb(sample.rss()), sample.queues());
			}
		}
		finally {
			load.stop();
			runner.join(30_000);
		}
		for (DemoService service : DemoService.values()) {
			heapAfter.put(service, this.shared.heapAfterGc(service));
			telemetryAfter.put(service, telemetryBytes(this.shared.lastHistogram(service)));
		}
		report(samples, heapBefore, heapAfter, telemetryBefore, telemetryAfter, total.get());
	}

	private Map<String, Long> rss() {
		Map<String, Long> rss = new LinkedHashMap<>();
		for (DemoService service : DemoService.values()) {
			rss.put(service.serviceName(), Demo.rssBytes(this.shared.demo.pid(service)));
		}
		rss.put("zipkin", Demo.rssBytes(this.shared.demo.zipkin().pid()));
		rss.put("victoria-metrics", Demo.rssBytes(this.shared.victoria.pid()));
		rss.put("test JVM (Kafka, load)", Demo.rssBytes(ProcessHandle.current().pid()));
		return rss;
	}

	/** Each queue-like gauge of each service, summed over its series (partitions, pools, executors). */
	private Map<String, Double> queues() throws Exception {
		Map<String, Double> queues = new TreeMap<>();
		for (DemoService service : DemoService.values()) {
			for (Scrape.Sample sample : this.shared.scrape(service).samples()) {
				String name = sample.name();
				// capacities left (executor_queue_remaining_tasks) shrink as a queue grows: not a backlog
				if (QUEUE.matcher(name).matches() && !name.contains("remaining") && !name.endsWith("_total")
						&& !name.endsWith("_count") && !name.endsWith("_sum") && !name.endsWith("_bucket")
						&& !name.endsWith("_max") && !name.endsWith("_avg")) {
					queues.merge(service.serviceName() + " " + name, sample.value(), Double::sum);
				}
			}
		}
		return queues;
	}

	private static Map<String, Long> mb(Map<String, Long> bytes) {
		Map<String, Long> mb = new LinkedHashMap<>();
		bytes.forEach((name, value) -> mb.put(name, value / (1024 * 1024)));
		return mb;
	}

	/** Live bytes of the objects of the telemetry stack's own classes (shallow sizes, from a class histogram). */
	static long telemetryBytes(String histogram) {
		long bytes = 0;
		java.util.regex.Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(histogram);
		while (line.find()) {
			if (TELEMETRY.matcher(line.group(2)).lookingAt()) {
				bytes += Long.parseLong(line.group(1));
			}
		}
		return bytes;
	}

	private void report(List<Sample> samples, Map<DemoService, Long> heapBefore, Map<DemoService, Long> heapAfter,
			Map<DemoService, Long> telemetryBefore, Map<DemoService, Long> telemetryAfter, LoadGenerator.Report total)
			throws Exception {
		assertThat(samples).as("soak samples").hasSizeGreaterThanOrEqualTo(4);
		List<String> failures = new ArrayList<>();
		StringBuilder table = new StringBuilder(ReliabilityReport.provenance(COMMAND));
		table.append(String.format("%n%d minutes at %d requests/s after a %d-minute warm-up: %s.%n%n", MINUTES, RATE,
				WARMUP.toMinutes(), (total != null) ? total.toString().replace("\n", "; ") : "no total"));
		table.append("| process | RSS first sample | RSS last sample | drift | slope (least squares) |\n|---|---:|---:|---:|---:|\n");
		Sample first = samples.get(0);
		Sample last = samples.get(samples.size() - 1);
		for (String process : first.rss().keySet()) {
			long from = first.rss().get(process);
			long to = last.rss().get(process);
			table.append(String.format("| %s | %d MB | %d MB | %+d MB | %+.2f MB/min |%n", process, from >> 20, to >> 20,
					(to - from) >> 20, slope(samples, (s) -> s.rss().get(process) / 1048576.0)));
		}
		table.append("\n| service | retained heap after a full GC, start | end | drift | telemetry stack's objects, "
				+ "start | end | drift |\n|---|---:|---:|---:|---:|---:|---:|\n");
		for (DemoService service : DemoService.values()) {
			double change = heapAfter.get(service) / (double) heapBefore.get(service) - 1;
			double telemetry = telemetryAfter.get(service) / (double) telemetryBefore.get(service) - 1;
			table.append(String.format("| %s | %.1f MB | %.1f MB | %+.1f %% | %.2f MB | %.2f MB | %+.1f %% |%n",
					service.serviceName(), heapBefore.get(service) / 1048576.0, heapAfter.get(service) / 1048576.0,
					100 * change, telemetryBefore.get(service) / 1048576.0, telemetryAfter.get(service) / 1048576.0,
					100 * telemetry));
			if (telemetry > 0.10) {
				failures.add(String.format("%s: the telemetry stack's live objects grew %.1f %%", service.serviceName(),
						100 * telemetry));
			}
		}
		StringBuilder moving = new StringBuilder();
		int constant = 0;
		for (String queue : last.queues().keySet()) {
			List<Double> values = samples.stream().map((s) -> s.queues().getOrDefault(queue, 0.0)).toList();
			int window = Math.max(1, values.size() / 4);
			double headMax = values.subList(0, window).stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double tailMin = values.subList(values.size() - window, values.size()).stream().mapToDouble(Double::doubleValue)
				.min().orElse(0);
			boolean growing = tailMin > headMax + Math.max(10, 0.5 * headMax);
			double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			if (max == values.get(0) && values.get(values.size() - 1) == max) {
				constant++;
				continue;
			}
			moving.append(String.format("| %s | %.0f | %.0f | %.0f | %s |%n", queue, values.get(0), max,
					values.get(values.size() - 1), growing ? "**yes**" : "no"));
			if (growing) {
				failures.add(queue + " keeps growing: " + values);
			}
		}
		if (moving.length() > 0) {
			table.append("\n| queue-like gauge | first | max | last | growing |\n|---|---:|---:|---:|---|\n").append(moving);
		}
		table.append(String.format("%n%s %d queue-like gauges never rose above their first sample and ended there.%n",
				(moving.length() > 0) ? "The other" : "All", constant));
		table.append("\n| minute | requests | failed | p99 ms |\n|---:|---:|---:|---:|\n");
		for (Sample sample : samples) {
			table.append(String.format("| %.1f | %d | %d | %.1f |%n", sample.at().toSeconds() / 60.0, sample.load().requests(),
					sample.load().errors(), sample.load().p99Millis()));
			if (sample.load().errors() > 0 || sample.load().shed() > 0) {
				failures.add(String.format("minute %.1f: %d failed, %d shed %s", sample.at().toSeconds() / 60.0,
						sample.load().errors(), sample.load().shed(), sample.load().errorsByCause()));
			}
		}
		ReliabilityReport.print("Soak", table.toString());
		failures.forEach((f) -> System.out.println("  FAIL " + f));
		ReliabilityReport.write("soak", table.toString());
		assertThat(failures).isEmpty();
	}

	/** Least-squares slope of a value over the samples, per minute. */
	private static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
		double n = samples.size();
		double sx = 0;
		double sy = 0;
		double sxy = 0;
		double sxx = 0;
		for (Sample sample : samples) {
			double x = sample.at().toSeconds() / 60.0;
			double y = value.applyAsDouble(sample);
			sx += x;
			sy += y;
			sxy += x * y;
			sxx += x * x;
		}
		double denominator = n * sxx - sx * sx;
		return (denominator == 0) ? 0 : (n * sxy - sx * sy) / denominator;
	}

}
