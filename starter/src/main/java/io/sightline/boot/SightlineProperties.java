package io.sightline.boot;

import io.sightline.boot.events.EventsProperties;
import io.sightline.boot.identity.IdentityProperties;
import io.sightline.boot.logging.LoggingProperties;
import io.sightline.boot.metrics.MetricsProperties;
import io.sightline.boot.redaction.RedactionProperties;
import io.sightline.boot.servicegraph.ServiceGraphProperties;
import io.sightline.boot.slo.SloProperties;
import io.sightline.boot.tracing.TracingProperties;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.Validator;

/**
 * Every {@code sightline.*} property, as each concern's own {@code @ConfigurationProperties} class binds
 * it, bound at once and as strictly as one class: a key under {@code sightline.} that no concern declares
 * fails startup with its name, and so does a bad value of any concern, even where that concern's
 * auto-configuration is off. Environment variables and system properties are exempt, as in Spring Boot:
 * they are shared with the agent extension, which has keys of its own.
 *
 * @param identity {@code sightline.environment}, {@code sightline.instance-id}, {@code sightline.release.*}
 * @param metrics {@code sightline.metrics.*}
 * @param logging {@code sightline.logging.*}
 * @param tracing {@code sightline.tracing.*}
 * @param redaction {@code sightline.redaction.*}
 * @param slo {@code sightline.slo.*}
 * @param serviceGraph {@code sightline.service-graph.*}
 * @param events {@code sightline.events.*}
 */
public record SightlineProperties(IdentityProperties identity, MetricsProperties metrics, LoggingProperties logging,
		TracingProperties tracing, RedactionProperties redaction, SloProperties slo,
		ServiceGraphProperties serviceGraph, EventsProperties events) {

	public static final String PREFIX = "sightline";

	/** Every concern's defaults, as an application without {@code sightline.*} settings gets them. */
	public static SightlineProperties defaults() {
		return new SightlineProperties(new IdentityProperties(), new MetricsProperties(), new LoggingProperties(),
				new TracingProperties(), new RedactionProperties(), new SloProperties(), new ServiceGraphProperties(),
				new EventsProperties());
	}

	/**
	 * Binds and validates every concern from {@code environment}: before the application context exists
	 * (logging is configured that early), and in it, by the identity auto-configuration that every
	 * application has.
	 */
	public static SightlineProperties bind(ConfigurableEnvironment environment) {
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		// one handler for all: the keys each concern binds count as bound when the top level, bound last,
		// is checked for keys that nobody declares
		BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter());
		MetricsProperties metrics = bind(binder, strict, MetricsProperties.PREFIX, MetricsProperties.class);
		LoggingProperties logging = bind(binder, strict, LoggingProperties.PREFIX, LoggingProperties.class);
		TracingProperties tracing = bind(binder, strict, TracingProperties.PREFIX, TracingProperties.class);
		RedactionProperties redaction = bind(binder, strict, RedactionProperties.PREFIX, RedactionProperties.class);
		SloProperties slo = bind(binder, strict, SloProperties.PREFIX, SloProperties.class);
		ServiceGraphProperties serviceGraph = bind(binder, strict, ServiceGraphProperties.PREFIX,
				ServiceGraphProperties.class);
		EventsProperties events = bind(binder, strict, EventsProperties.PREFIX, EventsProperties.class);
		IdentityProperties identity = bind(binder, strict, IdentityProperties.PREFIX, IdentityProperties.class);
		return new SightlineProperties(identity, metrics, logging, tracing, redaction, slo, serviceGraph, events);
	}

	private static <T> T bind(Binder binder, BindHandler strict, String prefix, Class<T> type) {
		T validator = BeanUtils.instantiateClass(type);
		BindHandler handler = (validator instanceof Validator selfValidating)
				? new ValidationBindHandler(strict, selfValidating) : strict;
		return binder.bindOrCreate(prefix, Bindable.of(type), handler);
	}

}
