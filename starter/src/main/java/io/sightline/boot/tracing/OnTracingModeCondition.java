package io.sightline.boot.tracing;

import java.util.Map;

import io.sightline.boot.tracing.TracingProperties.TracingMode;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnTracingModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnTracingMode.class.getName());
		TracingMode required = (TracingMode) attributes.get("value");
		TracingMode effective = AgentDetector.effectiveMode(context.getEnvironment());
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnTracingMode.class, required);
		return (effective == required) ? ConditionOutcome.match(message.because("tracing mode is " + effective))
				: ConditionOutcome.noMatch(message.because("tracing mode is " + effective));
	}

}
