package io.sightline.demo.order.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sightline.boot.tracing.TracingProperties.TracingMode;
import io.sightline.boot.tracing.AgentDetector;
import io.sightline.demo.order.application.SagaTracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Picks the {@link SagaTracing} that matches the starter's tracing mode: the OpenTelemetry API when the
 * javaagent owns the spans, Micrometer Tracing otherwise, nothing when tracing is off.
 */
@Configuration(proxyBeanMethods = false)
public class SagaTracingConfiguration {

	@Bean
	SagaTracing sagaTracing(Environment environment, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		if (AgentDetector.effectiveMode(environment) == TracingMode.AGENT) {
			return new OpenTelemetrySagaTracing();
		}
		Tracer micrometerTracer = tracer.getIfAvailable();
		Propagator micrometerPropagator = propagator.getIfAvailable();
		if (micrometerTracer == null || micrometerPropagator == null || micrometerTracer == Tracer.NOOP) {
			return SagaTracing.NONE;
		}
		return new MicrometerSagaTracing(micrometerTracer, micrometerPropagator);
	}

}
