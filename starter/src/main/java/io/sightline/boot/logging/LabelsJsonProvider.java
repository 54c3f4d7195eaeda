package io.sightline.boot.logging;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sightline.redaction.RedactionPolicy;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * Writes MDC entries and SLF4J key-value pairs as {@code labels.<key>} (ECS custom fields), each value
 * redacted by key (sensitive keys and field paths) and by content.
 */
class LabelsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private static final int MAX_VALUE_LENGTH = 1024;

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		RedactionPolicy policy = LogRedaction.current();
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null && !mdc.isEmpty()) {
			for (Map.Entry<String, String> entry : mdc.entrySet()) {
				String key = entry.getKey();
				if (key != null && entry.getValue() != null && !TraceContextJsonProvider.isTraceKey(key)) {
					write(generator, policy, key, entry.getValue());
				}
			}
		}
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null) {
			for (KeyValuePair pair : pairs) {
				if (pair != null && pair.key != null && pair.value != null) {
					write(generator, policy, pair.key, String.valueOf(pair.value));
				}
			}
		}
	}

	private static void write(JsonGenerator generator, RedactionPolicy policy, String key, String value) {
		String path = "labels." + key;
		// field paths are configured as labels.<key>; sensitive keys match on the last segment either way
		String lookup = policy.isSensitiveKey(path) ? path : key;
		generator.writeStringProperty(path, Truncation.redactAndCap(policy, lookup, value, MAX_VALUE_LENGTH));
	}

}
