package io.sightline.demo.order.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sightline.demo.order.application.SagaTracing;

/** Agentless mode: the trace context through Micrometer Tracing (Brave underneath). */
public class MicrometerSagaTracing implements SagaTracing {

	static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * @param tracer the application's tracer
	 * @param propagator its propagator, which produces W3C
	 */
	public MicrometerSagaTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String currentTraceParent() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(context, carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	@Override
	@SuppressWarnings("try") // the scope is used only for its close()
	public void continueTrace(String traceParent, String spanName, Runnable action) {
		Span.Builder builder = (traceParent != null)
				? this.propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get) : this.tracer.spanBuilder();
		Span span = builder.name(spanName).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			action.run();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
