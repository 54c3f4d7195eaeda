package io.sightline.boot.tracing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.sightline.boot.tracing.TracingProperties.TracingMode;

import org.springframework.context.annotation.Conditional;

/** Matches when the effective tracing mode (see {@link AgentDetector#effectiveMode}) is the given one. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnTracingModeCondition.class)
public @interface ConditionalOnTracingMode {

	/** AGENT or AGENTLESS. */
	TracingMode value();

}
