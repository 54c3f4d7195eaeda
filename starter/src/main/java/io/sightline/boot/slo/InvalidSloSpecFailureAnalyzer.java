package io.sightline.boot.slo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid SLO spec into Boot's "APPLICATION FAILED TO START" report with every problem. */
class InvalidSloSpecFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSloSpecException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSloSpecException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the spec (the same file the SLO rule generator reads), point '" + InvalidSloSpecException.PROPERTY
						+ "' at a valid one, or turn in-process SLOs off with sightline.slo.enabled=false",
				cause);
	}

}
