package io.sightline.boot.redaction;

import java.util.List;

import io.sightline.boot.SightlineProperties;
import io.sightline.redaction.RedactionPolicy;

/** Maps {@code sightline.redaction.*} onto the shared, framework-free {@link RedactionPolicy}. */
public final class RedactionPolicies {

	private RedactionPolicies() {
	}

	public static RedactionPolicy.Builder fromProperties(SightlineProperties.Redaction properties) {
		RedactionPolicy.Builder builder = RedactionPolicy.builder();
		if (!properties.isEnabled()) {
			return builder.cardNumbers(false)
				.jwts(false)
				.bearerTokens(false)
				.keyValues(false)
				.sensitiveKeys(List.of());
		}
		try {
			return builder.cardNumbers(properties.isCardNumbers())
				.jwts(properties.isJwts())
				.bearerTokens(properties.isBearerTokens())
				.keyValues(properties.isKeyValues())
				.addSensitiveKeys(properties.getSensitiveKeys())
				.fieldPaths(properties.getFieldPaths())
				.customPatterns(properties.getPatterns())
				.replacement(properties.getReplacement());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid sightline.redaction.patterns: " + ex.getMessage(), ex);
		}
	}

}
