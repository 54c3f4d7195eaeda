package io.sightline.boot.logging;

import io.sightline.redaction.RedactionPolicy;

/**
 * The redaction policy used by the log encoders. Logging starts before the application context, so
 * encoders start with the policy bound from properties; once the context has built its
 * {@link RedactionPolicy} bean (with user customizers applied), it replaces this one.
 */
public final class LogRedaction {

	private static volatile RedactionPolicy policy = RedactionPolicy.defaults();

	private LogRedaction() {
	}

	public static RedactionPolicy current() {
		return policy;
	}

	public static void install(RedactionPolicy redactionPolicy) {
		policy = redactionPolicy;
	}

}
