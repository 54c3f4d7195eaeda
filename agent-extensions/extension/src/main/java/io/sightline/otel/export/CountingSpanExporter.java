package io.sightline.otel.export;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Counts the spans of each export by its outcome. The batch span processor does not retry a failed
 * export: those spans are lost, so they are counted as dropped.
 */
final class CountingSpanExporter extends ForwardingSpanExporter {

	private final SpanExportStats stats;

	CountingSpanExporter(SpanExporter delegate, SpanExportStats stats) {
		super(delegate);
		this.stats = stats;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.stats.registerOnce();
		int count = spans.size();
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			this.stats.recordFailed(count);
			throw ex;
		}
		result.whenComplete(() -> {
			if (result.isSuccess()) {
				this.stats.recordExported(count);
			}
			else {
				this.stats.recordFailed(count);
			}
		});
		return result;
	}

}
