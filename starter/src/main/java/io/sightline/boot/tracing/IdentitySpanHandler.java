package io.sightline.boot.tracing;

import java.util.stream.Stream;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.sightline.identity.SightlineIdentity;
import io.sightline.redaction.RedactionPolicy;

/**
 * Agentless mode: stamps the identity on every span when it starts and applies the redaction policy to
 * its tags when it ends, before any reporter sees it.
 */
public class IdentitySpanHandler extends SpanHandler {

	private final String[] identityTags;

	private final RedactionPolicy policy;

	public IdentitySpanHandler(SightlineIdentity identity, RedactionPolicy policy) {
		// flattened once: this runs at the start of every span
		this.identityTags = identity.spanAttributes()
			.entrySet()
			.stream()
			.flatMap((attribute) -> Stream.of(attribute.getKey(), attribute.getValue()))
			.toArray(String[]::new);
		this.policy = policy;
	}

	@Override
	public boolean begin(TraceContext context, MutableSpan span, TraceContext parent) {
		for (int i = 0; i < this.identityTags.length; i += 2) {
			span.tag(this.identityTags[i], this.identityTags[i + 1]);
		}
		return true;
	}

	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		span.forEachTag((key, value) -> this.policy.redactValue(key, value));
		Throwable error = span.error();
		if (error != null && span.tag("error") == null) {
			// Zipkin's encoder would otherwise copy the raw exception message into the error tag.
			String message = (error.getMessage() != null) ? error.getMessage() : error.getClass().getSimpleName();
			span.tag("error", this.policy.redact(message));
		}
		String name = span.name();
		if (name != null) {
			String redacted = this.policy.redact(name);
			if (redacted != name) {
				span.name(redacted);
			}
		}
		return true;
	}

}
