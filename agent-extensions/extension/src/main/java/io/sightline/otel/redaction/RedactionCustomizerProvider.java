package io.sightline.otel.redaction;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.sightline.otel.config.AgentSettings;

/**
 * Redaction before export: every configured span exporter is wrapped in a {@link RedactingSpanExporter}
 * that applies the policy shared with the starter's logs ({@code sightline.redaction.*}), and for
 * Zipkin also carries the identity from the resource onto each span.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class RedactionCustomizerProvider implements AutoConfigurationCustomizerProvider {

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addSpanExporterCustomizer((exporter, config) -> new RedactingSpanExporter(exporter,
				new SpanRedactor(AgentSettings.redactionPolicy(config), identityOnSpans(config))));
	}

	/**
	 * Zipkin's model has no resource: the identity then goes on each span, so that it reaches the
	 * store. {@code sightline.exporter.identity-on-spans} forces it either way.
	 */
	static boolean identityOnSpans(ConfigProperties config) {
		Boolean forced = config.getBoolean("sightline.exporter.identity-on-spans");
		if (forced != null) {
			return forced;
		}
		return config.getList("otel.traces.exporter").contains("zipkin");
	}

}
