package io.sightline.boot.redaction;

import io.sightline.redaction.RedactionPolicy;

/**
 * Callback to adjust the redaction policy beyond what {@code sightline.redaction.*} offers. Applied in
 * order to the builder before the policy bean is built; the result replaces the policy used by logs
 * once the context has started.
 */
@FunctionalInterface
public interface RedactionPolicyCustomizer {

	void customize(RedactionPolicy.Builder builder);

}
