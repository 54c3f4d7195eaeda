package io.sightline.otel.export;

/**
 * What the agent's span exporters did, read over JMX by the starter (which runs in the application's
 * class loader and cannot see the agent's classes) to publish
 * {@code sightline_tracing_spans_exported_total} and {@code sightline_tracing_spans_dropped_total}.
 */
public interface SpanExportStatsMXBean {

	/** Spans whose export succeeded. */
	long getExportedSpans();

	/** Spans whose export failed (backend down, refused, timed out): they are lost. */
	long getFailedSpans();

}
