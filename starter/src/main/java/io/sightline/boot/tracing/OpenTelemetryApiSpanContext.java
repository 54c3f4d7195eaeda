package io.sightline.boot.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Reads the current span through the application's OpenTelemetry API, which the agent bridges to its
 * own context. Used for exemplars when the Prometheus agent-specific SpanContext cannot see the agent.
 */
class OpenTelemetryApiSpanContext implements io.prometheus.metrics.tracer.common.SpanContext {

	@Override
	public String getCurrentTraceId() {
		SpanContext context = Span.current().getSpanContext();
		return context.isValid() ? context.getTraceId() : null;
	}

	@Override
	public String getCurrentSpanId() {
		SpanContext context = Span.current().getSpanContext();
		return context.isValid() ? context.getSpanId() : null;
	}

	@Override
	public boolean isCurrentSpanSampled() {
		return Span.current().getSpanContext().isSampled();
	}

	@Override
	public void markCurrentSpanAsExemplar() {
		// the agent's span is not ours to annotate
	}

}
