package io.sightline.boot.logging;

import io.micrometer.tracing.handler.TracingObservationHandler;
import io.sightline.boot.tracing.ConditionalOnTracingMode;
import io.sightline.boot.tracing.TracingProperties.TracingMode;
import jakarta.servlet.DispatcherType;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Agentless servlet apps: {@code trace.id}/{@code span.id} also on the lines a request writes after its
 * server span's scope has closed (see {@link ServerSpanLogCorrelation}). With the agent there is nothing
 * to do: its server span is current around the whole container pipeline, and its Logback
 * instrumentation adds the ids to every event.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ServerHttpObservationFilter.class, TracingObservationHandler.class, MDC.class })
@ConditionalOnTracingMode(TracingMode.AGENTLESS)
public class ServerSpanLogCorrelationAutoConfiguration {

	static final String FILTER_NAME = "sightlineServerSpanLogCorrelationFilter";

	/** Outside Spring's observation filter (Ordered.HIGHEST_PRECEDENCE + 1), which closes the scope. */
	@Bean
	@ConditionalOnMissingBean(name = FILTER_NAME)
	FilterRegistrationBean<ServerSpanLogCorrelation> sightlineServerSpanLogCorrelationFilter() {
		FilterRegistrationBean<ServerSpanLogCorrelation> registration = new FilterRegistrationBean<>(
				new ServerSpanLogCorrelation());
		registration.setName(FILTER_NAME);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "sightlineServerSpanLogCorrelationListener")
	ServletListenerRegistrationBean<ServerSpanLogCorrelation.Listener> sightlineServerSpanLogCorrelationListener() {
		return new ServletListenerRegistrationBean<>(new ServerSpanLogCorrelation.Listener());
	}

}
