package io.sightline.demo.order.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.sightline.demo.order.application.SagaTracing;

/**
 * Agent mode: the trace context through the OpenTelemetry API, which the javaagent bridges to its own
 * context, so its Kafka and logging instrumentation see the span made current here.
 */
public class OpenTelemetrySagaTracing implements SagaTracing {

	private static final String INSTRUMENTATION_SCOPE = "io.sightline.demo.order";

	private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	@Override
	public String currentTraceParent() {
		if (!Span.current().getSpanContext().isValid()) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
		return carrier.get(MicrometerSagaTracing.TRACEPARENT);
	}

	@Override
	@SuppressWarnings("try") // the scope is used only for its close()
	public void continueTrace(String traceParent, String spanName, Runnable action) {
		Context parent = (traceParent != null) ? W3CTraceContextPropagator.getInstance()
			.extract(Context.root(), Map.of(MicrometerSagaTracing.TRACEPARENT, traceParent), MAP_GETTER)
				: Context.root();
		Tracer tracer = GlobalOpenTelemetry.getTracer(INSTRUMENTATION_SCOPE);
		Span span = tracer.spanBuilder(spanName).setParent(parent).startSpan();
		try (Scope scope = span.makeCurrent()) {
			action.run();
		}
		catch (RuntimeException ex) {
			span.recordException(ex);
			span.setStatus(StatusCode.ERROR);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
