package io.sightline.otel.redaction;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.sightline.otel.config.SightlineSettings;

/**
 * Redaction before export: every configured span exporter is wrapped in a {@link RedactingSpanExporter}
 * that applies the policy shared with the starter's logs ({@code sightline.redaction.*}).
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class RedactionCustomizerProvider implements AutoConfigurationCustomizerProvider {

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addSpanExporterCustomizer((exporter, config) -> new RedactingSpanExporter(exporter,
				new SpanRedactor(SightlineSettings.redactionPolicy(config))));
	}

}
