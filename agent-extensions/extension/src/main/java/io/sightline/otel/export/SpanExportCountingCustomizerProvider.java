package io.sightline.otel.export;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/**
 * Wraps every configured span exporter in a {@link CountingSpanExporter}, so that spans lost while the
 * trace backend is down are counted, as the agentless reporter counts them, instead of vanishing.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class SpanExportCountingCustomizerProvider implements AutoConfigurationCustomizerProvider {

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addSpanExporterCustomizer((exporter, config) -> {
			System.setProperty(SpanExportStats.OBJECT_NAME_PROPERTY, SpanExportStats.OBJECT_NAME);
			return new CountingSpanExporter(exporter, SpanExportStats.INSTANCE);
		});
	}

}
