package io.sightline.boot.slo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.boot.metrics.SightlineMetricsAutoConfiguration;
import io.sightline.slo.AlertWindow;
import io.sightline.slo.MultiWindowAlerts;
import io.sightline.slo.Objective;
import io.sightline.slo.spec.SloSpec;
import io.sightline.slo.spec.SloSpecReader;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The sampler and the burn-rate math against a real registry with the starter's SLO histogram filter
 * and a clock the test moves, 10 s per sample as by default. The registry is the Prometheus one, which
 * the sampler reads in production: the simple registry's histograms rotate (see
 * {@link #simpleRegistryHistogramsRotateSoThePrometheusRegistryIsRead()}).
 */
class SloMonitorTests {

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration PERIOD = MultiWindowAlerts.DEFAULT_PERIOD;

	/** The page condition the starter evaluates: 2 % of the budget in 1 h, 5 m short; 14.4 for 30 days. */
	private static final AlertWindow PAGE = MultiWindowAlerts.of(AlertWindow.Severity.PAGE).get(0);

	private static final String SPEC = """
			version: sightline/v1
			service: orders
			slos:
			  - name: availability
			    objective: 99.9
			    sli:
			      http_availability: {}
			  - name: latency
			    objective: 99
			    sli:
			      http_latency:
			        threshold: 500ms
			  - name: checkout-availability
			    objective: 99.9
			    sli:
			      http_availability:
			        uris: [/api/checkout]
			        methods: [post]
			        error_statuses: [5xx, 429]
			  - name: saga-success
			    objective: 99
			    sli:
			      counter:
			        name: orders.saga.completed
			        error_tags: {outcome: [timed_out, failed]}
			  - name: raw-one
			    objective: 99
			    sli:
			      raw:
			        error_ratio_query: sum(rate(x[{{.window}}]))
			""";

	private static MeterFilter sloHistograms;

	private final ManualClock clock = new ManualClock();

	private final PrometheusMeterRegistry registry = registry(this.clock);

	private final SloMonitor monitor = new SloMonitor(this.registry, SloSpecReader.read("test", SPEC), PERIOD,
			INTERVAL, this.clock);

	private final SloHealthIndicator health = new SloHealthIndicator(this.monitor);

	@BeforeAll
	static void starterFilter() {
		// the starter's own SLO-bucket filter, as its metrics auto-configuration publishes it
		AtomicReference<MeterFilter> filter = new AtomicReference<>();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(IdentityAutoConfiguration.class, SightlineMetricsAutoConfiguration.class))
			.withPropertyValues("spring.application.name=orders")
			.run((context) -> filter.set(context.getBean("sightlineSloHistograms", MeterFilter.class)));
		sloHistograms = filter.get();
	}

	private static PrometheusMeterRegistry registry(ManualClock clock) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
				new PrometheusRegistry(), clock.meterClock());
		registry.config().meterFilter(sloHistograms);
		return registry;
	}

	private void requests(int count, String status) {
		requests(count, status, Duration.ofMillis(20), "/api/orders/{id}", "GET");
	}

	private void requests(int count, String status, Duration latency, String uri, String method) {
		Timer timer = Timer.builder("http.server.requests")
			.tags("uri", uri, "method", method, "status", status, "outcome", status.startsWith("2") ? "SUCCESS" : "X")
			.register(this.registry);
		for (int i = 0; i < count; i++) {
			timer.record(latency);
		}
	}

	/** One sample interval of traffic: good requests, failed ones, then the sample. */
	private void interval(int good, int failed) {
		requests(good, "200");
		requests(failed, "500");
		this.clock.advance(INTERVAL);
		this.monitor.sample();
	}

	private SloState state(String name) {
		return this.monitor.states().stream().filter((state) -> state.name().equals(name)).findFirst().orElseThrow();
	}

	private Status status() {
		return this.health.health().getStatus();
	}

	@Test
	void pageWindowIsTheModels1hWith5m() {
		assertThat(SloWindows.PAGE).containsExactly(PAGE);
		assertThat(SloWindows.MEASURED).containsExactly(FIVE_MINUTES, HOUR);
		assertThat(PAGE.factor(PERIOD)).isCloseTo(14.4, within(1e-9));
	}

	@Test
	void promQlSlisAreLeftToPrometheus() {
		assertThat(this.monitor.states()).extracting(SloState::name)
			.containsExactly("availability", "latency", "checkout-availability", "saga-success");
	}

	@Test
	void allErrorsBurnAfterTheFirstSamples() {
		this.monitor.sample();
		assertThat(status()).isEqualTo(Status.UP);
		interval(0, 100);
		SloState availability = state("availability");
		assertThat(availability.errorRatio(FIVE_MINUTES)).isEqualTo(1.0);
		assertThat(availability.burnRate(FIVE_MINUTES)).isCloseTo(1000, within(1e-6));
		assertThat(availability.burnRate(HOUR)).isCloseTo(1000, within(1e-6));
		assertThat(availability.burning()).isTrue();
		assertThat(status()).isEqualTo(SloHealthIndicator.BURNING);
	}

	@Test
	void onePercentErrorsBurnTenTimesTheBudgetWhichDoesNotPage() {
		this.monitor.sample();
		for (int i = 0; i < 400; i++) {
			interval(99, 1);
		}
		SloState availability = state("availability");
		assertThat(availability.errorRatio(FIVE_MINUTES)).isCloseTo(0.01, within(1e-12));
		assertThat(availability.burnRate(FIVE_MINUTES)).isCloseTo(10, within(1e-9));
		assertThat(availability.burnRate(HOUR)).isCloseTo(10, within(1e-9));
		assertThat(availability.burning()).isFalse();
		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void recoversOnceTheShortWindowHoldsOnlyGoodTraffic() {
		this.monitor.sample();
		for (int i = 0; i < 12; i++) {
			interval(0, 100);
		}
		assertThat(status()).isEqualTo(SloHealthIndicator.BURNING);
		// the fault is cleared: the 5m window still holds the last failing interval for 29 more samples
		for (int i = 1; i < 30; i++) {
			interval(100, 0);
			assertThat(status()).as("after %d good intervals", i).isEqualTo(SloHealthIndicator.BURNING);
		}
		assertThat(state("availability").burnRate(FIVE_MINUTES)).isCloseTo(100.0 / 3000 / 0.001, within(1e-6));
		interval(100, 0);
		SloState availability = state("availability");
		assertThat(availability.burnRate(FIVE_MINUTES)).isZero();
		// the 1h window still burns far above the threshold, but both windows must: no page
		assertThat(availability.burnRate(HOUR)).isCloseTo(1200.0 / 4200 / 0.001, within(1e-6))
			.isGreaterThan(PAGE.factor(PERIOD));
		assertThat(availability.burning()).isFalse();
		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void theLongWindowKeepsABriefBlipFromPaging() {
		this.monitor.sample();
		for (int i = 0; i < 360; i++) {
			interval(100, 0);
		}
		Objective objective = new Objective(99.9);
		for (int k = 1; k <= 6; k++) {
			interval(0, 100);
			SloState availability = state("availability");
			// 1h: k failing intervals out of 360 equal ones; 5m: k out of 30
			double longBurn = objective.burnRate(k / 360.0);
			double shortBurn = objective.burnRate(k / 30.0);
			assertThat(availability.burnRate(HOUR)).isCloseTo(longBurn, within(1e-6));
			assertThat(availability.burnRate(FIVE_MINUTES)).isCloseTo(shortBurn, within(1e-6))
				.isGreaterThan(PAGE.factor(PERIOD));
			assertThat(availability.burning()).as("after %d failing intervals", k)
				.isEqualTo(PAGE.isBurning(PERIOD, longBurn, shortBurn))
				// 5 intervals: 1h burns 13.9 < 14.4; 6 intervals: 16.7
				.isEqualTo(k >= 6);
		}
	}

	@Test
	void actuatorRequestsNeverCount() {
		this.monitor.sample();
		requests(100, "503", Duration.ofMillis(5), "/actuator/health", "GET");
		interval(10, 0);
		assertThat(state("availability").errorRatio(FIVE_MINUTES)).isZero();
		assertThat(status()).isEqualTo(Status.UP);
	}

	@Test
	void urisMethodsAndErrorStatusesSelect() {
		this.monitor.sample();
		requests(10, "429", Duration.ofMillis(5), "/api/checkout", "POST");
		requests(10, "404", Duration.ofMillis(5), "/api/checkout", "POST");
		requests(20, "500", Duration.ofMillis(5), "/api/checkout", "GET");
		requests(20, "200", Duration.ofMillis(5), "/api/checkout", "POST");
		interval(0, 0);
		// POST /api/checkout only: 10 of 40 are 429 (an error here), 404 is not
		assertThat(state("checkout-availability").errorRatio(FIVE_MINUTES)).isCloseTo(0.25, within(1e-12));
		// every uri, default 5xx: 20 of 60
		assertThat(state("availability").errorRatio(FIVE_MINUTES)).isCloseTo(20.0 / 60, within(1e-12));
	}

	@Test
	void latencyIsBadAboveTheThresholdBucket() {
		this.monitor.sample();
		requests(50, "200", Duration.ofMillis(3), "/api/orders", "GET");
		// exactly at the threshold is good: le="0.5"
		requests(40, "200", Duration.ofMillis(500), "/api/orders", "GET");
		requests(10, "500", Duration.ofMillis(501), "/api/orders", "GET");
		this.clock.advance(INTERVAL);
		this.monitor.sample();
		SloState latency = state("latency");
		assertThat(latency.errorRatio(FIVE_MINUTES)).isCloseTo(0.1, within(1e-12));
		assertThat(latency.burnRate(FIVE_MINUTES)).isCloseTo(10, within(1e-9));
		assertThat(latency.burning()).isFalse();
		requests(100, "200", Duration.ofSeconds(2), "/api/orders", "GET");
		this.clock.advance(INTERVAL);
		this.monitor.sample();
		assertThat(state("latency").errorRatio(FIVE_MINUTES)).isCloseTo(110.0 / 200, within(1e-12));
		assertThat(state("latency").burning()).isTrue();
		assertThat(status()).isEqualTo(SloHealthIndicator.BURNING);
	}

	@Test
	void counterSliCountsErrorTagValues() {
		this.monitor.sample();
		this.registry.counter("orders.saga.completed", "outcome", "completed").increment(90);
		this.registry.counter("orders.saga.completed", "outcome", "timed_out").increment(6);
		FunctionCounter.builder("orders.saga.completed", this, (test) -> 4.0)
			.tag("outcome", "failed")
			.register(this.registry);
		this.clock.advance(INTERVAL);
		this.monitor.sample();
		assertThat(state("saga-success").errorRatio(FIVE_MINUTES)).isCloseTo(10.0 / 100, within(1e-12));
		assertThat(state("saga-success").burnRate(FIVE_MINUTES)).isCloseTo(10, within(1e-9));
	}

	@Test
	void aRemovedMeterNeverMakesARatioNegative() {
		this.monitor.sample();
		interval(10, 90);
		assertThat(status()).isEqualTo(SloHealthIndicator.BURNING);
		this.registry.find("http.server.requests").tag("status", "500").meters().forEach(this.registry::remove);
		interval(10, 0);
		SloState availability = state("availability");
		assertThat(availability.errorRatio(FIVE_MINUTES)).isZero();
		assertThat(availability.errorRatio(HOUR)).isZero();
		assertThat(availability.samples()).isEqualTo(1);
		interval(90, 10);
		assertThat(state("availability").errorRatio(FIVE_MINUTES)).isCloseTo(0.1, within(1e-12));
	}

	@Test
	void gaugesReadTheLastComputedValues() {
		this.monitor.sample();
		interval(50, 50);
		for (String slo : List.of("availability", "latency", "checkout-availability", "saga-success")) {
			for (String window : List.of("5m", "1h")) {
				assertThat(this.registry.find(SloMonitor.BURN_RATE).tags("slo", slo, "window", window).gauge())
					.as("%s %s", slo, window)
					.isNotNull();
				assertThat(this.registry.find(SloMonitor.ERROR_RATIO).tags("slo", slo, "window", window).gauge())
					.isNotNull();
			}
		}
		assertThat(this.registry.find(SloMonitor.BURN_RATE).tag("slo", "raw-one").gauge()).isNull();
		assertThat(this.registry.get(SloMonitor.BURN_RATE).tags("slo", "availability", "window", "5m").gauge().value())
			.isCloseTo(500, within(1e-6));
		assertThat(this.registry.get(SloMonitor.ERROR_RATIO).tags("slo", "availability", "window", "1h").gauge().value())
			.isEqualTo(0.5);
		// no computation on read: more traffic changes nothing until the next sample
		requests(1000, "200");
		assertThat(this.registry.get(SloMonitor.BURN_RATE).tags("slo", "availability", "window", "5m").gauge().value())
			.isCloseTo(500, within(1e-6));
	}

	@Test
	void healthDetailsPerSlo() {
		this.monitor.sample();
		interval(0, 100);
		Health health = this.health.health();
		assertThat(health.getStatus().getCode()).isEqualTo("BURNING");
		assertThat(health.getDetails()).containsOnlyKeys("availability", "latency", "checkout-availability",
				"saga-success");
		@SuppressWarnings("unchecked")
		Map<String, Object> availability = (Map<String, Object>) health.getDetails()
			.get("availability");
		assertThat(availability).containsEntry("objective", 99.9)
			.containsEntry("burning", true)
			.containsKeys("burnRate", "errorRatio");
		assertThat((double) availability.get("pageThreshold")).isCloseTo(14.4, within(1e-9));
		assertThat(availability.get("burnRate")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("5m", "1h");
		@SuppressWarnings("unchecked")
		Map<String, Object> latency = (Map<String, Object>) health.getDetails().get("latency");
		assertThat(latency).containsEntry("burning", false);
	}

	@Test
	void aLongerPeriodLowersTheThreshold() {
		// 2 % of a 90-day budget in 1 h: factor 43.2, so a burn of 33 does not page
		SloMonitor monitor = new SloMonitor(new SimpleMeterRegistry(), SloSpecReader.read("test", SPEC),
				Duration.ofDays(90), INTERVAL, this.clock);
		assertThat(new SloHealthIndicator(monitor).health().getDetails().get("availability"))
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("burning", false);
		assertThat(PAGE.factor(Duration.ofDays(90))).isCloseTo(43.2, within(1e-9));
	}

	/**
	 * The latency SLI reads the count at the threshold bucket as "requests at or under the threshold": in
	 * Micrometer 1.16 the Prometheus registry's histogram counts are cumulative across buckets (le) and
	 * over time (they never rotate).
	 */
	@Test
	void prometheusHistogramCountsAreCumulative() {
		Timer timer = Timer.builder("http.server.requests").tag("uri", "/x").register(this.registry);
		timer.record(Duration.ofMillis(3));
		timer.record(Duration.ofMillis(200));
		timer.record(Duration.ofMillis(500));
		timer.record(Duration.ofSeconds(3));
		this.clock.advance(Duration.ofMinutes(10));
		timer.record(Duration.ofSeconds(20));
		CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
		assertThat(buckets).extracting((bucket) -> bucket.bucket(TimeUnit.MILLISECONDS))
			.containsExactly(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0);
		assertThat(buckets).extracting(CountAtBucket::count)
			.containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0);
		assertThat(timer.takeSnapshot().count()).isEqualTo(5);
	}

	/**
	 * The simple registry's buckets are cumulative across buckets but rotate with the distribution expiry
	 * (2 minutes) while its count does not, so a latency SLI read from it would turn bad by itself.
	 */
	@Test
	void simpleRegistryHistogramsRotateSoThePrometheusRegistryIsRead() {
		SimpleMeterRegistry simple = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock.meterClock());
		simple.config().meterFilter(sloHistograms);
		Timer timer = Timer.builder("http.server.requests").tag("uri", "/x").register(simple);
		timer.record(Duration.ofMillis(3));
		timer.record(Duration.ofMillis(200));
		assertThat(timer.takeSnapshot().histogramCounts()).extracting(CountAtBucket::count)
			.containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(timer.takeSnapshot().histogramCounts()).extracting(CountAtBucket::count).containsOnly(0.0);
		assertThat(timer.count()).isEqualTo(2);
		CompositeMeterRegistry composite = new CompositeMeterRegistry();
		composite.add(simple);
		composite.add(this.registry);
		assertThat(SloMonitor.cumulativeSource(composite)).isSameAs(this.registry);
	}

	@Test
	void readsAPlainRegistryOrTheCumulativeChildOfAComposite() {
		SimpleMeterRegistry simple = new SimpleMeterRegistry();
		CompositeMeterRegistry composite = new CompositeMeterRegistry();
		composite.add(simple);
		assertThat(SloMonitor.cumulativeSource(composite)).isSameAs(simple);
		assertThat(SloMonitor.cumulativeSource(simple)).isSameAs(simple);
		assertThat(SloMonitor.cumulativeSource(this.registry)).isSameAs(this.registry);
	}

	@Test
	void samplesOnOneDaemonThreadNeverTheCaller() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		FunctionCounter.builder("orders.saga.completed", threads, (names) -> {
			names.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? "/daemon" : ""));
			return 1.0;
		}).tag("outcome", "completed").register(registry);
		SloMonitor monitor = new SloMonitor(registry, SloSpecReader.read("test", SPEC), PERIOD, Duration.ofSeconds(1),
				Clock.systemUTC());
		monitor.start();
		try {
			assertThat(monitor.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() >= 1
					&& monitor.states().stream().allMatch((state) -> state.samples() >= 2));
			assertThat(threads).containsExactly("sightline-slo-sampler/daemon");
		}
		finally {
			monitor.stop();
		}
		assertThat(monitor.isRunning()).isFalse();
	}

	@Test
	void specWithOnlyPromQlSlisHasNothingToSample() {
		SloSpec spec = SloSpecReader.read("test", """
				version: prometheus/v1
				service: orders
				slos:
				  - name: raw-one
				    objective: 99
				    sli:
				      raw:
				        error_ratio_query: sum(rate(x[{{.window}}]))
				    alerting:
				      name: RawOne
				""");
		SloMonitor monitor = new SloMonitor(new SimpleMeterRegistry(), spec, PERIOD, INTERVAL, this.clock);
		monitor.start();
		assertThat(monitor.isRunning()).isFalse();
		assertThat(monitor.states()).isEmpty();
		assertThat(new SloHealthIndicator(monitor).health().getStatus()).isEqualTo(Status.UP);
	}

}
