package io.sightline.boot.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing service name into Boot's "APPLICATION FAILED TO START" report naming the property. */
class MissingServiceNameFailureAnalyzer extends AbstractFailureAnalyzer<MissingServiceNameException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingServiceNameException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set '" + MissingServiceNameException.PROPERTY + "' in application.properties, for example "
						+ MissingServiceNameException.PROPERTY + "=order-service",
				cause);
	}

}
