package io.sightline.boot.tracing;

import io.prometheus.metrics.tracer.agent.OpenTelemetryAgentSpanContext;
import io.prometheus.metrics.tracer.common.SpanContext;
import io.sightline.boot.tracing.TracingProperties.TracingMode;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * With the OpenTelemetry javaagent attached the agent owns spans and context. The starter creates no
 * spans; it reads the agent's current span for exemplars and tags the agent's server span with the
 * identity.
 */
@AutoConfiguration(after = IdentityAutoConfiguration.class,
		beforeName = { "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration" })
@ConditionalOnTracingMode(TracingMode.AGENT)
public class AgentModeAutoConfiguration {

	/**
	 * Says once, in the JSON log, when the agent exports traces nowhere or not to
	 * {@code management.tracing.export.zipkin.endpoint}; fails startup when that is not a URL.
	 */
	@Bean
	static SmartInitializingSingleton sightlineAgentTraceDestinationCheck(Environment environment) {
		return () -> AgentTraceDestination.check(environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpanContext.class)
	static class AgentExemplarsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpanContext sightlineAgentSpanContext() {
			if (ClassPresence.isPresent("io.prometheus.metrics.tracer.agent.OpenTelemetryAgentSpanContext")
					&& OpenTelemetryAgentSpanContext.isAvailable()) {
				return new ExemplarOnlySpanContext(new OpenTelemetryAgentSpanContext());
			}
			return new OpenTelemetryApiSpanContext();
		}

	}

	/** Spans the agent exported and dropped, when Sightline's agent extension counts them. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	@ConditionalOnProperty(AgentSpanExportMeters.OBJECT_NAME_PROPERTY)
	static class AgentSpanExportMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sightlineAgentSpanExportMeters")
		AgentSpanExportMeters sightlineAgentSpanExportMeters(org.springframework.core.env.Environment environment) {
			return new AgentSpanExportMeters(java.lang.management.ManagementFactory.getPlatformMBeanServer(),
					environment.getRequiredProperty(AgentSpanExportMeters.OBJECT_NAME_PROPERTY));
		}

	}

	/**
	 * Set (by Sightline's agent extension) when the identity is already on the resource of every span:
	 * tagging each server span again would be work per request for nothing.
	 */
	static final String RESOURCE_IDENTITY_PROPERTY = "io.sightline.otel.resource-identity";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.opentelemetry.api.trace.Span", "jakarta.servlet.Filter" })
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(name = RESOURCE_IDENTITY_PROPERTY, havingValue = "false", matchIfMissing = true)
	static class AgentServerSpanIdentityConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sightlineServerSpanIdentityFilter")
		FilterRegistrationBean<ServerSpanIdentityFilter> sightlineServerSpanIdentityFilter(
				SightlineIdentity identity) {
			FilterRegistrationBean<ServerSpanIdentityFilter> registration = new FilterRegistrationBean<>(
					new ServerSpanIdentityFilter(identity));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			registration.setName("sightlineServerSpanIdentityFilter");
			return registration;
		}

	}

}
