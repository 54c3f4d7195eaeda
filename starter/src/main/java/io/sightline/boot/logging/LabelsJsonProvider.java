package io.sightline.boot.logging;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** Written by the identity provider; an MDC entry of that name must not duplicate it. */
	private static final String RESERVED = "release_id";

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		RedactionPolicy policy = LogRedaction.current();
		Map<String, String> mdc = event.getMDCPropertyMap();
		boolean hasMdc = mdc != null && !mdc.isEmpty();
		if (hasMdc) {
			for (Map.Entry<String, String> entry : mdc.entrySet()) {
				String key = entry.getKey();
				if (key != null && entry.getValue() != null && !TraceContextJsonProvider.isTraceKey(key)
						&& !RESERVED.equals(key)) {
					write(generator, policy, key, entry.getValue());
				}
			}
		}
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null && !pairs.isEmpty()) {
			// A key written twice would make the line a document Elasticsearch rejects: MDC wins, then the
			// first pair.
			Set<String> written = new HashSet<>();
			for (KeyValuePair pair : pairs) {
				if (pair != null && pair.key != null && pair.value != null && !RESERVED.equals(pair.key)
						&& !(hasMdc && mdc.containsKey(pair.key)) && written.add(pair.key)) {
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
