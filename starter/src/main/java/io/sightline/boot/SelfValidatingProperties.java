package io.sightline.boot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * A concern's {@code sightline.*} properties that check their own values when bound (no Bean Validation
 * needed on the class path): a bad value fails startup with the property's full name, instead of failing
 * later, per event or per request.
 */
public abstract class SelfValidatingProperties implements Validator {

	@Override
	public boolean supports(Class<?> clazz) {
		return getClass().isAssignableFrom(clazz);
	}

	@Override
	public final void validate(Object target, Errors errors) {
		((SelfValidatingProperties) target).validate(errors);
	}

	/** Rejects each bad value with {@link #reject}. */
	protected abstract void validate(Errors errors);

	/** Rejects a field, relative to this class's prefix, with a message that starts with its full name. */
	protected final void reject(Errors errors, String field, String code, String message) {
		String prefix = getClass().getAnnotation(ConfigurationProperties.class).prefix();
		errors.rejectValue(field, code, prefix + "." + field + " " + message);
	}

	protected final void requirePositive(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			reject(errors, field, "positive", "must be a positive duration");
		}
	}

	protected final void requireNotNegative(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative()) {
			reject(errors, field, "notNegative", "must be a duration of zero or more");
		}
	}

}
