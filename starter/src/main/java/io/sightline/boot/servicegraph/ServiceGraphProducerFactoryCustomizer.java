package io.sightline.boot.servicegraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Adds {@link ServiceGraphProducerInterceptor} to the producer factory that Boot builds, after the
 * interceptors already configured (spring.kafka.producer.properties.interceptor.classes), and passes it
 * this service's name.
 */
class ServiceGraphProducerFactoryCustomizer implements DefaultKafkaProducerFactoryCustomizer {

	private final String caller;

	ServiceGraphProducerFactoryCustomizer(String caller) {
		this.caller = caller;
	}

	@Override
	public void customize(DefaultKafkaProducerFactory<?, ?> factory) {
		Map<String, Object> configs = factory.getConfigurationProperties();
		List<Object> interceptors = interceptors(configs.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG));
		String ours = ServiceGraphProducerInterceptor.class.getName();
		boolean present = interceptors.stream()
			.anyMatch((entry) -> ours.equals(entry) || ServiceGraphProducerInterceptor.class.equals(entry));
		if (!present) {
			interceptors.add(ours);
		}
		factory.updateConfigs(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, interceptors,
				ServiceGraphProducerInterceptor.CALLER_CONFIG, this.caller));
	}

	/** The configured interceptors as a mutable list: a comma-separated String, a Class, or a list. */
	static List<Object> interceptors(Object configured) {
		List<Object> interceptors = new ArrayList<>();
		if (configured instanceof String names) {
			for (String name : names.split(",")) {
				if (!name.isBlank()) {
					interceptors.add(name.trim());
				}
			}
		}
		else if (configured instanceof Class<?> type) {
			interceptors.add(type);
		}
		else if (configured instanceof Collection<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof String name) {
					if (!name.isBlank()) {
						interceptors.add(name.trim());
					}
				}
				else if (entry != null) {
					interceptors.add(entry);
				}
			}
		}
		return interceptors;
	}

}
