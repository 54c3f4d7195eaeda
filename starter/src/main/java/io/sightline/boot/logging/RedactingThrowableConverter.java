package io.sightline.boot.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * {@code %ex}, {@code %xEx} and Spring Boot's {@code %wEx} for the text console: the stack trace with
 * the redaction policy applied and its length capped. The whitespace variant frames it with line
 * separators, as Boot's does.
 */
public class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {

	private final boolean whitespace;

	private final int maxLength;

	public RedactingThrowableConverter(boolean whitespace, int maxLength) {
		this.whitespace = whitespace;
		this.maxLength = maxLength;
	}

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		String trace = Truncation.redactAndCap(LogRedaction.current(), null, super.throwableProxyToString(proxy),
				this.maxLength);
		return this.whitespace ? CoreConstants.LINE_SEPARATOR + trace + CoreConstants.LINE_SEPARATOR : trace;
	}

}
