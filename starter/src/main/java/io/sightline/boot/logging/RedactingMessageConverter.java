package io.sightline.boot.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} for the text console: the same redaction and length cap as the JSON encoder, and CR/LF
 * written as {@code \r}/{@code \n} so that a message cannot forge a log line in text either.
 */
public class RedactingMessageConverter extends MessageConverter {

	private final int maxLength;

	public RedactingMessageConverter(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public String convert(ILoggingEvent event) {
		String message = Truncation.redactAndCap(LogRedaction.current(), null, event.getFormattedMessage(),
				this.maxLength);
		if (message == null || (message.indexOf('\n') < 0 && message.indexOf('\r') < 0)) {
			return message;
		}
		return message.replace("\r", "\\r").replace("\n", "\\n");
	}

}
