package io.sightline.boot.identity;

import java.util.Map;

import io.sightline.boot.SightlineProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Resolves the service identity once. When the logging listener already resolved it (normal
 * startup), that instance is registered as a singleton and this bean method backs off.
 */
@AutoConfiguration
@EnableConfigurationProperties(SightlineProperties.class)
public class IdentityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SightlineIdentity sightlineIdentity(Environment environment, SightlineProperties properties,
			ApplicationContext context) {
		return IdentityResolver.resolve(environment, properties, context.getClassLoader(), mainClass(context));
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
