package io.sightline.boot.servicegraph;

import brave.baggage.BaggagePropagationCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import io.sightline.boot.metrics.MetricsProperties;
import io.sightline.boot.tracing.TracingProperties.TracingMode;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.metrics.SightlineMetricsAutoConfiguration;
import io.sightline.boot.tracing.ConditionalOnTracingMode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Service-graph edge metrics, recorded on the server side of every inbound HTTP request and consumed
 * Kafka record, labelled with the calling service, so that a service map can be drawn from Prometheus
 * alone. The caller travels as the W3C baggage entry {@code sightline.caller}: at the start of each
 * inbound request and consumed record, a Sightline service reads it (the client label) and replaces it
 * with its own name for everything done while handling it; records it produces to Kafka carry its name
 * whatever thread sends them. Work outside those hooks (a scheduler calling over HTTP) carries no
 * caller, and its callee records {@code client="unknown"}.
 */
@AutoConfiguration(after = { IdentityAutoConfiguration.class, SightlineMetricsAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "sightline.service-graph.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MetricsProperties.class)
public class ServiceGraphAutoConfiguration {

	/** After Spring's server observation filter (HIGHEST_PRECEDENCE + 1) and the agent-mode span tagger. */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	@ConditionalOnMissingBean
	ServiceGraphMeters sightlineServiceGraphMeters(SightlineIdentity identity, MetricsProperties metrics) {
		return new ServiceGraphMeters(Callers.normalizeOwnName(identity.serviceName()),
				metrics.getSloBuckets());
	}

	@Bean
	@ConditionalOnMissingBean(name = "sightlineServiceGraphHistogram")
	@Order(Ordered.LOWEST_PRECEDENCE)
	MeterFilter sightlineServiceGraphHistogram(ServiceGraphMeters meters) {
		return new ServiceGraphHistogramMeterFilter(meters.buckets());
	}

	private static CallerBaggage baggage(ObjectProvider<CallerBaggage> baggage) {
		return baggage.getIfAvailable(() -> CallerBaggage.NONE);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnTracingMode(TracingMode.AGENT)
	@ConditionalOnClass(name = "io.opentelemetry.api.baggage.Baggage")
	static class AgentBaggageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CallerBaggage sightlineCallerBaggage() {
			return new OpenTelemetryCallerBaggage();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnTracingMode(TracingMode.AGENTLESS)
	@ConditionalOnClass(Tracer.class)
	static class AgentlessBaggageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CallerBaggage sightlineCallerBaggage(ObjectProvider<Tracer> tracer) {
			return new MicrometerCallerBaggage(tracer);
		}

		@Bean
		@ConditionalOnClass(BaggagePropagationCustomizer.class)
		@ConditionalOnMissingBean(name = "sightlineCallerBaggagePropagationCustomizer")
		BaggagePropagationCustomizer sightlineCallerBaggagePropagationCustomizer(Environment environment) {
			return new CallerBaggagePropagationCustomizer(environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.servlet.Filter")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletConfiguration {

		static final String ACTUATOR_BASE_PATH = "management.endpoints.web.base-path";

		@Bean
		@ConditionalOnMissingBean(name = "sightlineServiceGraphFilter")
		FilterRegistrationBean<ServiceGraphFilter> sightlineServiceGraphFilter(ServiceGraphMeters meters,
				ObjectProvider<CallerBaggage> baggage, Environment environment) {
			ServiceGraphFilter filter = new ServiceGraphFilter(meters, baggage(baggage),
					environment.getProperty(ACTUATOR_BASE_PATH, "/actuator"), separateManagementPort(environment));
			FilterRegistrationBean<ServiceGraphFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(FILTER_ORDER);
			registration.setName("sightlineServiceGraphFilter");
			return registration;
		}

		/** The management port when it differs from the server port, else 0. */
		static int separateManagementPort(Environment environment) {
			Integer management = environment.getProperty("management.server.port", Integer.class);
			Integer server = environment.getProperty("server.port", Integer.class, 8080);
			return (management != null && management > 0 && !management.equals(server)) ? management : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.kafka.config.AbstractKafkaListenerContainerFactory",
			"org.apache.kafka.clients.consumer.ConsumerRecord", "org.aopalliance.intercept.MethodInterceptor" })
	static class KafkaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceGraphListenerAdvice sightlineServiceGraphListenerAdvice(ServiceGraphMeters meters,
				ObjectProvider<CallerBaggage> baggage) {
			return new ServiceGraphListenerAdvice(meters, baggage(baggage));
		}

		@Bean
		static ServiceGraphKafkaListenerFactoryPostProcessor sightlineServiceGraphKafkaListenerFactoryPostProcessor(
				ObjectProvider<ServiceGraphListenerAdvice> advice) {
			return new ServiceGraphKafkaListenerFactoryPostProcessor(advice);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer")
		static class ProducerConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "sightlineServiceGraphProducerFactoryCustomizer")
			ServiceGraphProducerFactoryCustomizer sightlineServiceGraphProducerFactoryCustomizer(
					ServiceGraphMeters meters) {
				return new ServiceGraphProducerFactoryCustomizer(meters.server());
			}

		}

	}

}
