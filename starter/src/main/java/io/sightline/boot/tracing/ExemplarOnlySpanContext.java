package io.sightline.boot.tracing;

import io.prometheus.metrics.tracer.common.SpanContext;

/**
 * Lets the Prometheus client read the current span for exemplars, and never write to it. The client's
 * agent SpanContext tags the span of every sampled exemplar with {@code exemplar=true} (and, set twice on
 * one span, makes the SDK count a dropped attribute): attributes that nobody asked for.
 */
final class ExemplarOnlySpanContext implements SpanContext {

	private final SpanContext delegate;

	ExemplarOnlySpanContext(SpanContext delegate) {
		this.delegate = delegate;
	}

	@Override
	public String getCurrentTraceId() {
		return this.delegate.getCurrentTraceId();
	}

	@Override
	public String getCurrentSpanId() {
		return this.delegate.getCurrentSpanId();
	}

	@Override
	public boolean isCurrentSpanSampled() {
		return this.delegate.isCurrentSpanSampled();
	}

	@Override
	public void markCurrentSpanAsExemplar() {
		// the span is the agent's; an exemplar needs nothing on it
	}

}
