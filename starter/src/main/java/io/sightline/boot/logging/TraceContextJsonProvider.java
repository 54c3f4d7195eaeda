package io.sightline.boot.logging;

import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code trace.id} and {@code span.id}. Agentless, Micrometer Tracing puts
 * {@code traceId}/{@code spanId} in the MDC; the OpenTelemetry agent puts {@code trace_id}/{@code span_id}
 * into the event's MDC copy. Both end up as the same two ECS fields.
 */
class TraceContextJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	static final String[] TRACE_KEYS = { "traceId", "trace_id" };

	static final String[] SPAN_KEYS = { "spanId", "span_id" };

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc == null || mdc.isEmpty()) {
			return;
		}
		String traceId = first(mdc, TRACE_KEYS);
		if (traceId != null) {
			generator.writeStringProperty("trace.id", traceId);
			String spanId = first(mdc, SPAN_KEYS);
			if (spanId != null) {
				generator.writeStringProperty("span.id", spanId);
			}
		}
	}

	static boolean isTraceKey(String key) {
		for (String candidate : TRACE_KEYS) {
			if (candidate.equals(key)) {
				return true;
			}
		}
		for (String candidate : SPAN_KEYS) {
			if (candidate.equals(key)) {
				return true;
			}
		}
		return "trace_flags".equals(key);
	}

	private static String first(Map<String, String> mdc, String[] keys) {
		for (String key : keys) {
			String value = mdc.get(key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

}
