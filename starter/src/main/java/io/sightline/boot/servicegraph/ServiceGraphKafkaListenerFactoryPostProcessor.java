package io.sightline.boot.servicegraph;

import java.util.Arrays;

import org.aopalliance.aop.Advice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Appends {@link ServiceGraphListenerAdvice} to the advice chain of every Kafka listener container
 * factory (Boot's and the application's own), once it is configured. Appended, so advice the
 * application set (and its RecordInterceptor, which is a separate hook) stays as it was; last, so it
 * runs closest to the listener and records every delivery attempt.
 */
class ServiceGraphKafkaListenerFactoryPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ServiceGraphListenerAdvice> advice;

	ServiceGraphKafkaListenerFactoryPostProcessor(ObjectProvider<ServiceGraphListenerAdvice> advice) {
		this.advice = advice;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
			ServiceGraphListenerAdvice ours = this.advice.getIfAvailable();
			if (ours != null) {
				addTo(factory.getContainerProperties(), ours);
			}
		}
		return bean;
	}

	static void addTo(ContainerProperties properties, ServiceGraphListenerAdvice ours) {
		Advice[] chain = properties.getAdviceChain();
		if (Arrays.stream(chain).anyMatch(ServiceGraphListenerAdvice.class::isInstance)) {
			return;
		}
		Advice[] extended = Arrays.copyOf(chain, chain.length + 1);
		extended[chain.length] = ours;
		properties.setAdviceChain(extended);
	}

}
