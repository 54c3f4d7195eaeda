package io.sightline.boot.actuator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Warns once at startup when the actuator exposes, over HTTP, endpoints that reveal or change the
 * application's internals (env, heapdump, loggers, ...), naming them and the property that exposed them.
 */
@AutoConfiguration(after = WebEndpointAutoConfiguration.class)
@ConditionalOnClass(PathMappedEndpoints.class)
@ConditionalOnWebApplication
public class ActuatorExposureAutoConfiguration {

	@Bean
	SmartInitializingSingleton sightlineSensitiveEndpointExposureCheck(ObjectProvider<PathMappedEndpoints> endpoints,
			Environment environment) {
		return () -> {
			PathMappedEndpoints exposed = endpoints.getIfAvailable();
			if (exposed != null) {
				SensitiveEndpointExposure.warnIfExposed(exposed, environment);
			}
		};
	}

}
