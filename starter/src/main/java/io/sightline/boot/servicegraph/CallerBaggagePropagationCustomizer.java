package io.sightline.boot.servicegraph;

import java.util.List;

import brave.baggage.BaggageField;
import brave.baggage.BaggagePropagation;
import brave.baggage.BaggagePropagationConfig;
import brave.baggage.BaggagePropagationCustomizer;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Agentless mode: declares {@code sightline.caller} a remote baggage field, as
 * {@code management.tracing.baggage.remote-fields=sightline.caller} would, without asking every
 * service to set that property. Brave only extracts declared fields from the W3C {@code baggage}
 * header; a declared remote field also travels in a header of its own name. Adds nothing when the
 * field is already declared (the property, or another customizer), since Brave rejects duplicates.
 */
class CallerBaggagePropagationCustomizer implements BaggagePropagationCustomizer {

	static final String REMOTE_FIELDS_PROPERTY = "management.tracing.baggage.remote-fields";

	private final Environment environment;

	CallerBaggagePropagationCustomizer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(BaggagePropagation.FactoryBuilder builder) {
		List<String> remoteFields = Binder.get(this.environment)
			.bind(REMOTE_FIELDS_PROPERTY, Bindable.listOf(String.class))
			.orElse(List.of());
		if (remoteFields.contains(Callers.BAGGAGE_KEY)) {
			return;
		}
		for (BaggagePropagationConfig config : builder.configs()) {
			if (config instanceof BaggagePropagationConfig.SingleBaggageField single
					&& Callers.BAGGAGE_KEY.equals(single.field().name())) {
				return;
			}
		}
		builder.add(BaggagePropagationConfig.SingleBaggageField.remote(BaggageField.create(Callers.BAGGAGE_KEY)));
	}

}
