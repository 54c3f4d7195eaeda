package io.sightline.otel.redaction;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sightline.identity.SightlineIdentity;
import io.sightline.redaction.RedactionPolicy;

/**
 * Applies the shared redaction policy to a finished span: string and string-array attributes (by key,
 * e.g. {@code http.request.header.authorization}, and by content, e.g. a card number in
 * {@code url.full}), event attributes (exception messages and stack traces) and the span name, which also
 * loses generated identifiers ({@link GeneratedIdentifiers}). A span
 * with nothing to redact is returned as is, without copying.
 */
final class SpanRedactor {

	/** Resource attributes that are also put on each span for exporters without a resource (Zipkin). */
	static final List<AttributeKey<String>> IDENTITY_KEYS = SightlineIdentity.SPAN_KEYS.stream()
		.map(AttributeKey::stringKey)
		.toList();

	private final RedactionPolicy policy;

	private final boolean identityOnSpans;

	private volatile ResourceIdentity identity;

	SpanRedactor(RedactionPolicy policy) {
		this(policy, false);
	}

	/**
	 * @param identityOnSpans copy the identity from the resource onto each span's attributes, for an
	 * exporter such as Zipkin's that drops everything of the resource but service.name
	 */
	SpanRedactor(RedactionPolicy policy, boolean identityOnSpans) {
		this.policy = policy;
		this.identityOnSpans = identityOnSpans;
	}

	SpanData redact(SpanData span) {
		String name = GeneratedIdentifiers.normalize(this.policy.redact(span.getName()));
		Attributes attributes = withIdentity(redact(span.getAttributes()), span);
		List<EventData> events = redactEvents(span.getEvents());
		if (name == span.getName() && attributes == span.getAttributes() && events == span.getEvents()) {
			return span;
		}
		return new RedactedSpanData(span, name, attributes, events);
	}

	private Attributes withIdentity(Attributes attributes, SpanData span) {
		if (!this.identityOnSpans) {
			return attributes;
		}
		ResourceIdentity identity = identityOf(span.getResource());
		if (identity.keys().isEmpty()) {
			return attributes;
		}
		return new AttributesWithIdentity(attributes, identity.attributes(), identity.keys());
	}

	/** The identity keys of the resource; one resource per SDK, so it is built once. */
	private ResourceIdentity identityOf(Resource resource) {
		ResourceIdentity cached = this.identity;
		if (cached == null || cached.resource() != resource) {
			AttributesBuilder builder = Attributes.builder();
			List<AttributeKey<String>> keys = new ArrayList<>();
			for (AttributeKey<String> key : IDENTITY_KEYS) {
				String value = resource.getAttribute(key);
				if (value != null) {
					builder.put(key, value);
					keys.add(key);
				}
			}
			cached = new ResourceIdentity(resource, builder.build(), List.copyOf(keys));
			this.identity = cached;
		}
		return cached;
	}

	private record ResourceIdentity(Resource resource, Attributes attributes, List<AttributeKey<String>> keys) {
	}

	private List<EventData> redactEvents(List<EventData> events) {
		List<EventData> result = null;
		for (int i = 0; i < events.size(); i++) {
			EventData event = events.get(i);
			Attributes attributes = redact(event.getAttributes());
			if (attributes != event.getAttributes()) {
				if (result == null) {
					result = new ArrayList<>(events.subList(0, i));
				}
				result.add(EventData.create(event.getEpochNanos(), event.getName(), attributes,
						event.getTotalAttributeCount()));
			}
			else if (result != null) {
				result.add(event);
			}
		}
		return (result != null) ? result : events;
	}

	/**
	 * The same instance when nothing changed, without allocating a copy: most spans have nothing to
	 * redact, so the builder is created only at the first value that changes.
	 */
	Attributes redact(Attributes attributes) {
		if (attributes.isEmpty()) {
			return attributes;
		}
		Changes changes = new Changes(attributes);
		attributes.forEach(changes);
		return (changes.builder != null) ? changes.builder.build() : attributes;
	}

	/** Visits every attribute and overwrites, in a copy made on demand, those whose value is redacted. */
	private final class Changes implements java.util.function.BiConsumer<AttributeKey<?>, Object> {

		private final Attributes original;

		private AttributesBuilder builder;

		Changes(Attributes original) {
			this.original = original;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void accept(AttributeKey<?> key, Object value) {
			if (key.getType() == AttributeType.STRING) {
				String text = (String) value;
				String redacted = SpanRedactor.this.policy.redactValue(key.getKey(), text);
				if (!text.equals(redacted)) {
					builder().put((AttributeKey<String>) key, redacted);
				}
			}
			else if (key.getType() == AttributeType.STRING_ARRAY) {
				List<String> items = (List<String>) value;
				List<String> redacted = null;
				for (int i = 0; i < items.size(); i++) {
					String item = items.get(i);
					String masked = SpanRedactor.this.policy.redactValue(key.getKey(), item);
					if (redacted == null && masked != null && !masked.equals(item)) {
						redacted = new ArrayList<>(items.subList(0, i));
					}
					if (redacted != null) {
						redacted.add(masked);
					}
				}
				if (redacted != null) {
					builder().put((AttributeKey<List<String>>) key, redacted);
				}
			}
		}

		private AttributesBuilder builder() {
			if (this.builder == null) {
				this.builder = this.original.toBuilder();
			}
			return this.builder;
		}

	}

}
