package io.sightline.boot.slo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the SLO spec resource ({@code sightline.slo.spec}) exists; a service without one backs off. */
class OnSloSpecCondition extends SpringBootCondition {

	private static final Logger logger = LoggerFactory.getLogger(OnSloSpecCondition.class);

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String configured = Binder.get(context.getEnvironment())
			.bind(InvalidSloSpecException.PROPERTY, String.class)
			.orElse(SloProperties.DEFAULT_SPEC);
		String location = SloSpecLoader.location(context.getEnvironment(), configured);
		ResourceLoader resourceLoader = (context.getResourceLoader() != null) ? context.getResourceLoader()
				: new DefaultResourceLoader(context.getClassLoader());
		if (SloSpecLoader.exists(resourceLoader, location)) {
			return ConditionOutcome.match("SLO spec " + location + " found");
		}
		logger.debug("No SLO spec at {} ({}); in-process SLO burn rates are off", location,
				InvalidSloSpecException.PROPERTY);
		return ConditionOutcome.noMatch("no SLO spec at " + location);
	}

}
