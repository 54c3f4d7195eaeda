package io.sightline.otel.config;

import java.util.List;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.sightline.identity.BuildMetadata;
import io.sightline.identity.IdentitySettings;
import io.sightline.redaction.RedactionPolicy;
import io.sightline.redaction.RedactionSettings;

/**
 * Sightline's settings as the agent reads them: system properties and environment variables
 * ({@code sightline.release.id} or {@code SIGHTLINE_RELEASE_ID}), through {@link ConfigProperties}. The
 * keys are the starter's, so one setting configures both; identity and redaction keys are defined by
 * their own modules.
 */
public final class AgentSettings {

	public static final String SAMPLER_RATIO = "sightline.sampler.ratio";

	public static final String SAMPLER_DROP_PATHS = "sightline.sampler.drop-paths";

	public static final String SAMPLER_DROP_ROOT_DATABASE_SPANS = "sightline.sampler.drop-root-database-spans";

	static final String APPLICATION_PROPERTIES = "application.properties";

	private AgentSettings() {
	}

	/**
	 * {@code sightline.environment}: the agent's configuration first, then the application's own
	 * application.properties (the starter reads that file too); null when neither sets it.
	 */
	public static String environment(ConfigProperties config, ClassLoader applicationClassLoader) {
		String configured = config.getString(IdentitySettings.ENVIRONMENT);
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return BuildMetadata.read(applicationClassLoader, APPLICATION_PROPERTIES).getProperty(IdentitySettings.ENVIRONMENT);
	}

	/** The same policy as the starter's {@code sightline.redaction.*} properties. */
	public static RedactionPolicy redactionPolicy(ConfigProperties config) {
		return RedactionSettings.read(new RedactionSettings.Source() {

			@Override
			public boolean flag(String key, boolean defaultValue) {
				return config.getBoolean(key, defaultValue);
			}

			@Override
			public List<String> list(String key) {
				return config.getList(key);
			}

			@Override
			public String text(String key, String defaultValue) {
				return config.getString(key, defaultValue);
			}

		}).toPolicy().build();
	}

}
