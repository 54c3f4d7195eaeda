package io.sightline.otel.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.sightline.otel.export.ForwardingSpanExporter;

/**
 * Wraps the configured exporter so that every span is redacted before it leaves the process. It runs
 * on the batch processor's thread, never on a request thread.
 */
final class RedactingSpanExporter extends ForwardingSpanExporter {

	private final SpanRedactor redactor;

	RedactingSpanExporter(SpanExporter delegate, SpanRedactor redactor) {
		super(delegate);
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

}
