package io.sightline.boot.identity;

import io.sightline.identity.BuildMetadata;
import io.sightline.identity.SightlineIdentity;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Resolves the {@link SightlineIdentity} from the environment and the build's metadata files, with the
 * derivation the agent extension shares. A pure function of its inputs, so
 * the logging system (configured before the context) and the context agree.
 */
public final class IdentityResolver {

	private IdentityResolver() {
	}

	/**
	 * @param environment the application's environment
	 * @param properties bound {@code sightline.*} identity properties
	 * @param classLoader where build-info and git.properties are looked up
	 * @param mainClass the application's main class, for the jar-manifest version fallback; may be null
	 * @throws MissingServiceNameException when {@code spring.application.name} is missing
	 */
	public static SightlineIdentity resolve(Environment environment, IdentityProperties properties,
			ClassLoader classLoader, Class<?> mainClass) {
		String serviceName = environment.getProperty(MissingServiceNameException.PROPERTY);
		if (!StringUtils.hasText(serviceName)) {
			throw new MissingServiceNameException();
		}
		return SightlineIdentity.derive(serviceName, properties.getEnvironment(), properties.getRelease().getId(),
				properties.getInstanceId(), BuildMetadata.load(classLoader), manifestVersion(mainClass));
	}

	static String manifestVersion(Class<?> mainClass) {
		return (mainClass != null && mainClass.getPackage() != null) ? mainClass.getPackage().getImplementationVersion()
				: null;
	}

}
