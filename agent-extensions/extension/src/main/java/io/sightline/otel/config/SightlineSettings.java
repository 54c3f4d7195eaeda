package io.sightline.otel.config;

import java.util.List;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.sightline.identity.BuildMetadata;
import io.sightline.redaction.RedactionPolicy;

/**
 * Reads Sightline's settings the way the agent reads its own: system properties and environment
 * variables ({@code sightline.release.id} or {@code SIGHTLINE_RELEASE_ID}), through
 * {@link ConfigProperties}. The keys are the starter's, so one setting configures both.
 */
public final class SightlineSettings {

	public static final String ENVIRONMENT = "sightline.environment";

	public static final String RELEASE_ID = "sightline.release.id";

	public static final String INSTANCE_ID = "sightline.instance-id";

	public static final String SAMPLER_RATIO = "sightline.sampler.ratio";

	public static final String SAMPLER_DROP_PATHS = "sightline.sampler.drop-paths";

	static final String APPLICATION_PROPERTIES = "application.properties";

	private SightlineSettings() {
	}

	/**
	 * The deployment environment: the agent's configuration first, then {@code sightline.environment} in
	 * the application's own application.properties (the starter reads that file too), else "local".
	 */
	public static String environment(ConfigProperties config, ClassLoader applicationClassLoader) {
		String configured = config.getString(ENVIRONMENT);
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		String fromApplication = BuildMetadata.read(applicationClassLoader, APPLICATION_PROPERTIES)
			.getProperty(ENVIRONMENT);
		return (fromApplication != null && !fromApplication.isBlank()) ? fromApplication.trim() : "local";
	}

	/** The same policy as the starter's {@code sightline.redaction.*} properties. */
	public static RedactionPolicy redactionPolicy(ConfigProperties config) {
		RedactionPolicy.Builder builder = RedactionPolicy.builder();
		if (!config.getBoolean("sightline.redaction.enabled", true)) {
			return builder.cardNumbers(false).jwts(false).bearerTokens(false).keyValues(false).sensitiveKeys(List.of()).build();
		}
		try {
			return builder.cardNumbers(config.getBoolean("sightline.redaction.card-numbers", true))
				.jwts(config.getBoolean("sightline.redaction.jwts", true))
				.bearerTokens(config.getBoolean("sightline.redaction.bearer-tokens", true))
				.keyValues(config.getBoolean("sightline.redaction.key-values", true))
				.addSensitiveKeys(config.getList("sightline.redaction.sensitive-keys"))
				.fieldPaths(config.getList("sightline.redaction.field-paths"))
				.customPatterns(config.getList("sightline.redaction.patterns"))
				.replacement(config.getString("sightline.redaction.replacement", RedactionPolicy.DEFAULT_REPLACEMENT))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid sightline.redaction.patterns: " + ex.getMessage(), ex);
		}
	}

}
