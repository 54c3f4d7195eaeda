package io.sightline.boot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.sightline.redaction.RedactionPolicy;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/** Writes {@code error.type}, {@code error.message} and {@code error.stack_trace}, redacted and capped. */
class EcsErrorJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final int maxMessageLength;

	private final int maxStackTraceLength;

	EcsErrorJsonProvider(int maxMessageLength, int maxStackTraceLength) {
		this.maxMessageLength = maxMessageLength;
		this.maxStackTraceLength = maxStackTraceLength;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable == null) {
			return;
		}
		RedactionPolicy policy = LogRedaction.current();
		generator.writeStringProperty("error.type", throwable.getClassName());
		String message = throwable.getMessage();
		if (message != null) {
			generator.writeStringProperty("error.message",
					Truncation.redactAndCap(policy, null, message, this.maxMessageLength));
		}
		generator.writeStringProperty("error.stack_trace", Truncation.redactAndCap(policy, null,
				ThrowableProxyUtil.asString(throwable), this.maxStackTraceLength));
	}

}
