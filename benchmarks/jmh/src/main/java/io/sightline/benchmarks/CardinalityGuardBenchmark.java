package io.sightline.benchmarks;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sightline.boot.metrics.CardinalityGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cardinality guard's cost per meter lookup, as Micrometer's HTTP observation handler does one per
 * request ({@code Timer.builder("http.server.requests").tags(…).register(registry)}). Two Prometheus
 * registries with the starter's common tags, one with the guard (cap 100, reached), one without. Average
 * time: these operations are shorter than the resolution of JMH's per-operation sampling timer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class CardinalityGuardBenchmark extends NanosecondBenchmark {

	static final int CAP = 100;

	private PrometheusMeterRegistry guarded;

	private PrometheusMeterRegistry unguarded;

	private CardinalityGuard guard;

	private Tags[] admitted;

	private Tags[] denied;

	private Meter.Id[] admittedIds;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.guarded = registry();
		this.guard = new CardinalityGuard(this.guarded, CAP);
		this.guarded.config().meterFilter(this.guard).onMeterRemoved((meter) -> this.guard.release(meter.getId()));
		this.unguarded = registry();
		this.admitted = new Tags[CAP];
		this.admittedIds = new Meter.Id[CAP];
		for (int i = 0; i < CAP; i++) {
			this.admitted[i] = Tags.of("method", (i % 2 == 0) ? "GET" : "POST", "uri", "/orders/{id}/step" + i, "status",
					"200", "outcome", "SUCCESS", "exception", "none");
			this.admittedIds[i] = serverTimer(this.admitted[i]).register(this.guarded).getId();
			serverTimer(this.admitted[i]).register(this.unguarded);
		}
		// raw URIs as tags: the explosion the guard exists for; the cap is already reached
		this.denied = new Tags[CAP];
		for (int i = 0; i < CAP; i++) {
			this.denied[i] = Tags.of("method", "GET", "uri", "/orders/o-" + (918_273 + i), "status", "200", "outcome",
					"SUCCESS", "exception", "none");
		}
		if (this.guard.admitted("http.server.requests") != CAP) {
			throw new IllegalStateException("the guard should hold exactly " + CAP + " series");
		}
	}

	private static PrometheusMeterRegistry registry() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().meterFilter(MeterFilter.commonTags(Tags.of("application", "order-service", "env", "prod")));
		return registry;
	}

	private static Timer.Builder serverTimer(Tags tags) {
		return Timer.builder("http.server.requests").tags(tags);
	}

	private int nextIndex() {
		this.next = (this.next + 1) % CAP;
		return this.next;
	}

	/** The common case: a series that exists, looked up through the guarded registry. */
	@Benchmark
	public Timer existingSeriesWithGuard() {
		return serverTimer(this.admitted[nextIndex()]).register(this.guarded);
	}

	/** The same lookup without the guard: the baseline. */
	@Benchmark
	public Timer existingSeriesWithoutGuard() {
		return serverTimer(this.admitted[nextIndex()]).register(this.unguarded);
	}

	/** A new combination past the cap: denied (a no-op timer) and counted, on every lookup. */
	@Benchmark
	public Timer deniedSeriesWithGuard() {
		return serverTimer(this.denied[nextIndex()]).register(this.guarded);
	}

	/** The filter alone on an admitted id, as Micrometer calls it for an id it has not mapped yet. */
	@Benchmark
	public MeterFilterReply guardAcceptAdmittedId() {
		return this.guard.accept(this.admittedIds[nextIndex()]);
	}

	static List<String> benchmarkNames() {
		return List.of("existingSeriesWithGuard", "existingSeriesWithoutGuard", "deniedSeriesWithGuard",
				"guardAcceptAdmittedId");
	}

}
