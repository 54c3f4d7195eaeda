package io.sightline.otel.export;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A span exporter that wraps the configured one: subclasses change what {@link #export} does, flushing
 * and shutting down go to the wrapped exporter.
 */
public abstract class ForwardingSpanExporter implements SpanExporter {

	protected final SpanExporter delegate;

	protected ForwardingSpanExporter(SpanExporter delegate) {
		this.delegate = delegate;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{" + this.delegate + "}";
	}

}
