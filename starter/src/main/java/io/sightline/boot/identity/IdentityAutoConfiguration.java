package io.sightline.boot.identity;

import java.util.Map;

import io.sightline.boot.SightlineProperties;
import io.sightline.identity.SightlineIdentity;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The service identity, resolved once: on a normal startup the logging listener resolved it before the
 * context existed ({@link StartupIdentity}) and this bean is that same instance.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

	/**
	 * Every concern's {@code sightline.*} properties, bound strictly at startup: an unknown key or a bad
	 * value of any concern fails startup naming it, also where that concern's auto-configuration is off.
	 */
	@Bean
	@ConditionalOnMissingBean
	SightlineProperties sightlineProperties(ConfigurableEnvironment environment) {
		return SightlineProperties.bind(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	SightlineIdentity sightlineIdentity(Environment environment, IdentityProperties properties,
			ApplicationContext context, ObjectProvider<StartupIdentity> startupIdentity) {
		StartupIdentity startup = startupIdentity.getIfAvailable();
		if (startup != null) {
			return startup.identity();
		}
		return IdentityResolver.resolve(environment, properties, context.getClassLoader(), mainClass(context));
	}

	/** A user's own identity bean applies to spans and metrics; logs were set up before it existed. */
	@Bean
	SmartInitializingSingleton sightlineIdentityConsistencyCheck(ObjectProvider<SightlineIdentity> identity,
			ObjectProvider<StartupIdentity> startupIdentity) {
		return () -> {
			StartupIdentity startup = startupIdentity.getIfAvailable();
			SightlineIdentity bean = identity.getIfUnique();
			if (startup != null && bean != null && !startup.identity().equals(bean)) {
				LoggerFactory.getLogger(IdentityAutoConfiguration.class)
					.warn("The SightlineIdentity bean {} differs from the identity in log lines {}; set the "
							+ "spring.application.name and sightline.* properties instead to keep every signal alike",
							bean, startup.identity());
			}
		};
	}

	private static Class<?> mainClass(ApplicationContext context) {
		String[] names = context.getBeanNamesForAnnotation(SpringBootConfiguration.class);
		return (names.length > 0) ? context.getType(names[0]) : null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class IdentityInfoConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sightlineInfoContributor")
		InfoContributor sightlineInfoContributor(ObjectProvider<SightlineIdentity> identity) {
			return (builder) -> builder.withDetail("sightline", Map.copyOf(identity.getObject().asAttributes()));
		}

	}

}
