package io.sightline.boot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code message}: the formatted message (arguments included), redacted, then truncated. JSON
 * string escaping turns CR, LF, quotes and control characters into escapes, so a message can never
 * forge a second line.
 */
class RedactedMessageJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final int maxLength;

	RedactedMessageJsonProvider(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		String message = event.getFormattedMessage();
		if (message == null) {
			return;
		}
		generator.writeStringProperty("message",
				Truncation.redactAndCap(LogRedaction.current(), null, message, this.maxLength));
	}

}
