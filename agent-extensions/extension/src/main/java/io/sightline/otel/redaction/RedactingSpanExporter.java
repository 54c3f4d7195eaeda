package io.sightline.otel.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Wraps the configured exporter so that every span is redacted before it leaves the process. It runs
 * on the batch processor's thread, never on a request thread.
 */
final class RedactingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final SpanRedactor redactor;

	RedactingSpanExporter(SpanExporter delegate, SpanRedactor redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> redacted = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			redacted.add(this.redactor.redact(span));
		}
		return this.delegate.export(redacted);
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
		return "RedactingSpanExporter{" + this.delegate + "}";
	}

}
