package io.sightline.demo.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Steady, bounded traffic on the BFF with a realistic mix: browse the catalog 70 %, place an order
 * 25 %, check an order's status 5 %. Open model: requests start on a fixed schedule whatever the
 * responses do, and latency counts from the scheduled start, so a slow service cannot hide its delay
 * (no coordinated omission). It stops by itself after the duration or the request count.
 */
public final class LoadGenerator {

	/** Requests in flight beyond which new ones are not sent but counted as shed: memory stays bounded. */
	static final int MAX_IN_FLIGHT = 1_000;

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern SKU = Pattern.compile("\"sku\"\\s*:\\s*\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Recorder latencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);

	/** The same latencies, read per phase by {@link #interval()}. */
	private final Recorder intervalLatencies = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);

	private final Map<String, LongAdder> errorsByCause = new ConcurrentHashMap<>();

	private long intervalRequests;

	private long intervalErrors;

	private long intervalShed;

	private Map<String, Long> intervalCauses = Map.of();

	private volatile boolean stopped;

	private final Map<String, LongAdder> requestsByKind = new ConcurrentHashMap<>();

	private final LongAdder errors = new LongAdder();

	private final LongAdder shed = new LongAdder();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final List<String> skus = new CopyOnWriteArrayList<>();

	private final List<String> recentOrders = new CopyOnWriteArrayList<>();

	public LoadGenerator(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** What one run did. */
	public record Report(long requests, long errors, long shed, double seconds, Histogram latency,
			Map<String, Long> byKind) {

		public double throughput() {
			return this.requests / this.seconds;
		}

		@Override
		public String toString() {
			return String.format(
					"%d requests in %.1f s (%.1f/s), %d errors, %d shed; mix %s%n"
							+ "latency ms (from the scheduled start): p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f",
					this.requests, this.seconds, throughput(), this.errors, this.shed, this.byKind,
					ms(50), ms(90), ms(99), ms(99.9), this.latency.getMaxValue() / 1e6);
		}

		private double ms(double percentile) {
			return this.latency.getValueAtPercentile(percentile) / 1e6;
		}

	}

	/**
	 * What happened in one phase of a running load: requests completed, failed (status 400 or more, or
	 * no answer) and shed since the previous call of {@link LoadGenerator#interval()}.
	 *
	 * @param errorsByCause failures by {@code kind status} or {@code kind exception class}
	 */
	public record Interval(long requests, long errors, long shed, Histogram latency, Map<String, Long> errorsByCause) {

		public double p99Millis() {
			return this.latency.getValueAtPercentile(99) / 1e6;
		}

		public double p50Millis() {
			return this.latency.getValueAtPercentile(50) / 1e6;
		}

		public double p90Millis() {
			return this.latency.getValueAtPercentile(90) / 1e6;
		}

		@Override
		public String toString() {
			return String.format("%d requests, %d errors %s, %d shed; latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f",
					this.requests, this.errors, this.errorsByCause, this.shed, p50Millis(), p90Millis(), p99Millis(),
					this.latency.getMaxValue() / 1e6);
		}

	}

	/**
	 * The phase that ended now: what completed since the previous call (or since the start). Latency is
	 * attributed to the phase in which the request completed. Safe to call while {@link #run} runs in
	 * another thread.
	 */
	public synchronized Interval interval() {
		long requests = this.requestsByKind.values().stream().mapToLong(LongAdder::sum).sum();
		long errors = this.errors.sum();
		long shed = this.shed.sum();
		Map<String, Long> causes = new java.util.TreeMap<>();
		this.errorsByCause.forEach((cause, count) -> causes.put(cause, count.sum()));
		Map<String, Long> newCauses = new java.util.TreeMap<>();
		causes.forEach((cause, count) -> {
			long delta = count - this.intervalCauses.getOrDefault(cause, 0L);
			if (delta > 0) {
				newCauses.put(cause, delta);
			}
		});
		Interval interval = new Interval(requests - this.intervalRequests, errors - this.intervalErrors,
				shed - this.intervalShed, this.intervalLatencies.getIntervalHistogram(), newCauses);
		this.intervalRequests = requests;
		this.intervalErrors = errors;
		this.intervalShed = shed;
		this.intervalCauses = causes;
		return interval;
	}

	/** Ends a {@link #run} early: it stops sending, drains and returns its report. */
	public void stop() {
		this.stopped = true;
	}

	/**
	 * @param ratePerSecond requests started per second
	 * @param duration how long to run
	 * @param maxRequests stop after this many, whichever comes first
	 */
	public Report run(int ratePerSecond, Duration duration, long maxRequests) throws InterruptedException {
		if (ratePerSecond < 1 || ratePerSecond > 10_000) {
			throw new IllegalArgumentException("rate must be between 1 and 10000 per second, was " + ratePerSecond);
		}
		loadCatalog();
		long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long sent = 0;
		for (long scheduled = start; scheduled < end && sent < maxRequests && !this.stopped; scheduled += interval) {
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			sent++;
			if (this.inFlight.get() >= MAX_IN_FLIGHT) {
				this.shed.increment();
				continue;
			}
			send(scheduled);
		}
		long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Long> byKind = new java.util.TreeMap<>();
		this.requestsByKind.forEach((kind, count) -> byKind.put(kind, count.sum()));
		long completed = byKind.values().stream().mapToLong(Long::longValue).sum();
		return new Report(completed, this.errors.sum(), this.shed.sum(), seconds, this.latencies.getIntervalHistogram(),
				byKind);
	}

	private void send(long scheduledNanos) {
		int dice = ThreadLocalRandom.current().nextInt(100);
		String kind;
		HttpRequest request;
		if (dice < 70 || this.skus.isEmpty()) {
			kind = "browse";
			request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/catalog")).timeout(Duration.ofSeconds(10)).build();
		}
		else if (dice < 95 || this.recentOrders.isEmpty()) {
			kind = "order";
			String sku = this.skus.get(ThreadLocalRandom.current().nextInt(this.skus.size()));
			// one customer in twenty is blocked: declines and compensations are part of real traffic
			String customer = (ThreadLocalRandom.current().nextInt(20) == 0) ? "blocked-load" : "c-load";
			String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
			request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/orders"))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}
		else {
			kind = "status";
			String id = this.recentOrders.get(ThreadLocalRandom.current().nextInt(this.recentOrders.size()));
			request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/orders/" + id)).timeout(Duration.ofSeconds(10)).build();
		}
		this.inFlight.incrementAndGet();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			long latency = Math.min(System.nanoTime() - scheduledNanos, TimeUnit.SECONDS.toNanos(60));
			this.latencies.recordValue(latency);
			this.intervalLatencies.recordValue(latency);
			this.requestsByKind.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
			if (failure != null || response.statusCode() >= 400) {
				this.errors.increment();
				String cause = kind + " " + ((failure != null) ? failure.getClass().getSimpleName() : response.statusCode());
				this.errorsByCause.computeIfAbsent(cause, (k) -> new LongAdder()).increment();
			}
			else if ("order".equals(kind)) {
				Matcher id = ID.matcher(response.body());
				if (id.find()) {
					remember(id.group(1));
				}
			}
			this.inFlight.decrementAndGet();
		});
	}

	private void remember(String orderId) {
		this.recentOrders.add(orderId);
		// bounded: only the last 100 orders are looked up again
		while (this.recentOrders.size() > 100) {
			this.recentOrders.remove(0);
		}
	}

	private void loadCatalog() {
		try {
			HttpResponse<String> catalog = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/catalog")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher sku = SKU.matcher(catalog.body());
			while (sku.find()) {
				this.skus.add(sku.group(1));
			}
		}
		catch (Exception ex) {
			// no catalog: the run is all browsing, whose errors the report shows
		}
	}

	/** {@code LoadGenerator <gateway url> <requests per second> <seconds>}. */
	public static void main(String[] args) throws Exception {
		String url = (args.length > 0) ? args[0] : "http://127.0.0.1:8080";
		int rate = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 60;
		System.out.println(new LoadGenerator(url).run(rate, Duration.ofSeconds(seconds), Long.MAX_VALUE));
	}

}
