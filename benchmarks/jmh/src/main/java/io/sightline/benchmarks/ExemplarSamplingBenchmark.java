package io.sightline.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import brave.Tracing;
import brave.sampler.Sampler;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.tracer.common.SpanContext;
import io.sightline.slo.SloBuckets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration;

/**
 * Exemplar sampling per observation: one {@code http.server.requests} timer with the starter's SLO buckets
 * records a latency inside a sampled span. Without exemplars (baseline); agentless, with Boot's span
 * context over Micrometer Tracing + Brave (what the starter uses without the agent); and with Sightline's
 * agent-mode fallback, which reads the current span through the OpenTelemetry API. (The Prometheus
 * client's agent span context needs the real agent attached, so it is not benchmarked here.) Average time:
 * a recording is shorter than the resolution of JMH's per-operation sampling timer. The trial fails if a
 * registry it recorded into rendered no exemplar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class ExemplarSamplingBenchmark extends NanosecondBenchmark {

	/** Latencies that land in different SLO buckets, so each bucket gets its exemplar. */
	private static final long[] LATENCIES_NANOS = { 3_000_000, 42_000_000, 180_000_000, 900_000_000 };

	private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

	private static final String AGENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private Timer withoutExemplars;

	private Timer agentless;

	private Timer agentMode;

	private PrometheusMeterRegistry agentlessRegistry;

	private PrometheusMeterRegistry agentModeRegistry;

	private Tracing tracing;

	private Span braveSpan;

	private Tracer.SpanInScope braveScope;

	private io.opentelemetry.context.Scope otelScope;

	private int next;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.withoutExemplars = timer(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

		this.tracing = Tracing.newBuilder().sampler(Sampler.ALWAYS_SAMPLE).build();
		Tracer tracer = new BraveTracer(this.tracing.tracer(),
				new BraveCurrentTraceContext(this.tracing.currentTraceContext()), new BraveBaggageManager());
		this.agentlessRegistry = registry(bootAgentlessSpanContext(tracer));
		this.agentless = timer(this.agentlessRegistry);
		this.braveSpan = tracer.nextSpan().name("POST /orders").start();
		this.braveScope = tracer.withSpan(this.braveSpan);

		this.agentModeRegistry = registry(sightlineAgentModeSpanContext());
		this.agentMode = timer(this.agentModeRegistry);
		io.opentelemetry.api.trace.SpanContext otelSpan = io.opentelemetry.api.trace.SpanContext.create(
				AGENT_TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
		this.otelScope = Context.root().with(io.opentelemetry.api.trace.Span.wrap(otelSpan)).makeCurrent();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		requireExemplar(this.agentless, this.agentlessRegistry, this.braveSpan.context().traceId());
		requireExemplar(this.agentMode, this.agentModeRegistry, AGENT_TRACE_ID);
		this.otelScope.close();
		this.braveScope.close();
		this.braveSpan.end();
		this.tracing.close();
	}

	/** A timer this trial recorded into must have an exemplar of the current span, or nothing was measured. */
	private static void requireExemplar(Timer timer, PrometheusMeterRegistry registry, String traceId) {
		if (timer.count() > 0 && !registry.scrape(OPENMETRICS).contains("trace_id=\"" + traceId + "\"")) {
			throw new IllegalStateException("no exemplar with trace id " + traceId + ": the benchmark measured nothing");
		}
	}

	private static PrometheusMeterRegistry registry(SpanContext spanContext) {
		return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), Clock.SYSTEM, spanContext);
	}

	private static Timer timer(PrometheusMeterRegistry registry) {
		return Timer.builder("http.server.requests")
			.tags(Tags.of("application", "order-service", "env", "prod", "method", "POST", "uri", "/orders", "status",
					"201", "outcome", "SUCCESS", "exception", "none"))
			.serviceLevelObjectives(SloBuckets.HTTP_DEFAULT.toArray(new java.time.Duration[0]))
			.register(registry);
	}

	/** Boot's own agentless span context (package-private in Boot), built as its auto-configuration does. */
	private static SpanContext bootAgentlessSpanContext(Tracer tracer) throws Exception {
		ObjectProvider<Tracer> provider = new StaticListableBeanFactory(Map.of("tracer", tracer))
			.getBeanProvider(Tracer.class);
		Method factory = PrometheusExemplarsAutoConfiguration.class.getDeclaredMethod("spanContext", ObjectProvider.class);
		factory.setAccessible(true);
		return (SpanContext) factory.invoke(new PrometheusExemplarsAutoConfiguration(), provider);
	}

	/** The starter's agent-mode span context over the OpenTelemetry API (package-private in the starter). */
	private static SpanContext sightlineAgentModeSpanContext() throws Exception {
		Constructor<?> constructor = Class.forName("io.sightline.boot.tracing.OpenTelemetryApiSpanContext")
			.getDeclaredConstructor();
		constructor.setAccessible(true);
		return (SpanContext) constructor.newInstance();
	}

	private long nextLatency() {
		this.next = (this.next + 1) % LATENCIES_NANOS.length;
		return LATENCIES_NANOS[this.next];
	}

	@Benchmark
	public Timer recordWithoutExemplars() {
		this.withoutExemplars.record(nextLatency(), TimeUnit.NANOSECONDS);
		return this.withoutExemplars;
	}

	@Benchmark
	public Timer recordWithAgentlessExemplars() {
		this.agentless.record(nextLatency(), TimeUnit.NANOSECONDS);
		return this.agentless;
	}

	@Benchmark
	public Timer recordWithAgentModeExemplars() {
		this.agentMode.record(nextLatency(), TimeUnit.NANOSECONDS);
		return this.agentMode;
	}

	static List<String> benchmarkNames() {
		return List.of("recordWithoutExemplars", "recordWithAgentlessExemplars", "recordWithAgentModeExemplars");
	}

}
