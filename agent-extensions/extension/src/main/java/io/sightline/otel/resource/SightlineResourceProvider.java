package io.sightline.otel.resource;

import com.google.auto.service.AutoService;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.sightline.identity.BuildMetadata;
import io.sightline.identity.IdentitySettings;
import io.sightline.identity.LaunchedJar;
import io.sightline.identity.SightlineIdentity;
import io.sightline.otel.config.AgentSettings;

/**
 * Puts Sightline's identity on the resource of every span, from the same sources and with the same
 * precedence as the starter: {@code sightline.*} system properties / {@code SIGHTLINE_*} environment,
 * then the application's build-info and git.properties. The agent's own Spring Boot detector supplies
 * {@code service.name} from {@code spring.application.name}.
 */
@AutoService(ResourceProvider.class)
public class SightlineResourceProvider implements ResourceProvider {

	/**
	 * Set to {@code true} once the identity is on the resource of every span, so that the starter does not
	 * also put it on each server span (it does with the stock agent).
	 */
	public static final String RESOURCE_IDENTITY_PROPERTY = "io.sightline.otel.resource-identity";

	@Override
	public Resource createResource(ConfigProperties config) {
		Resource resource = create(config, ClassLoader.getSystemClassLoader());
		System.setProperty(RESOURCE_IDENTITY_PROPERTY, "true");
		return resource;
	}

	static Resource create(ConfigProperties config, ClassLoader applicationClassLoader) {
		SightlineIdentity identity = SightlineIdentity.derive(null,
				AgentSettings.environment(config, applicationClassLoader), config.getString(IdentitySettings.RELEASE_ID),
				config.getString(IdentitySettings.INSTANCE_ID), BuildMetadata.load(applicationClassLoader),
				LaunchedJar.implementationVersion());
		AttributesBuilder attributes = Attributes.builder();
		identity.spanAttributes().forEach((key, value) -> {
			// without build-info, leave service.version to the agent's own detectors
			if (!(SightlineIdentity.VERSION.equals(key) && identity.versionUnknown())) {
				attributes.put(key, value);
			}
		});
		return Resource.create(attributes.build());
	}

	@Override
	public int order() {
		// after the agent's detectors, so the values shared with the starter win
		return 1000;
	}

}
