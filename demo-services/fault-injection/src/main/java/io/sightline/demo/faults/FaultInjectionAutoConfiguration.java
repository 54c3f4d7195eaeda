package io.sightline.demo.faults;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Fault injection for a demo service: the injector, the request filter, and Kafka pause. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FaultInjectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FaultInjector faultInjector() {
		return new FaultInjector();
	}

	@Bean
	FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultInjector injector, Environment environment) {
		String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		FilterRegistrationBean<FaultInjectionFilter> registration = new FilterRegistrationBean<>(
				new FaultInjectionFilter(injector, actuator));
		// after tracing and metrics filters, so injected errors and delays are observed like real ones
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaListenerEndpointRegistry.class)
	static class KafkaPauseConfiguration {

		@Bean
		@ConditionalOnBean(KafkaListenerEndpointRegistry.class)
		SmartInitializingSingleton faultInjectionKafkaPause(FaultInjector injector,
				KafkaListenerEndpointRegistry registry) {
			return () -> injector.onChange((settings) -> registry.getListenerContainers().forEach((container) -> {
				if (settings.kafkaConsumersPaused()) {
					container.pause();
				}
				else {
					container.resume();
				}
			}));
		}

	}

}
