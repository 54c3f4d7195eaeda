package io.sightline.otel.redaction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * A span's attributes followed by the identity keys of its resource that the span does not set itself
 * (the span's value wins), read through without copying either: the Zipkin exporter iterates them once.
 * Copying every span's attributes into a new set was about 5 % of what a service allocated with the
 * Sightline agent (overhead harness, JFR).
 */
final class AttributesWithIdentity implements Attributes {

	private final Attributes span;

	private final Attributes identity;

	/** The keys of {@link #identity}, so that nothing here allocates (the exporter calls size() too). */
	private final List<AttributeKey<String>> identityKeys;

	AttributesWithIdentity(Attributes span, Attributes identity, List<AttributeKey<String>> identityKeys) {
		this.span = span;
		this.identity = identity;
		this.identityKeys = identityKeys;
	}

	@Override
	public <T> T get(AttributeKey<T> key) {
		T value = this.span.get(key);
		return (value != null) ? value : this.identity.get(key);
	}

	@Override
	public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
		this.span.forEach(consumer);
		for (AttributeKey<String> key : this.identityKeys) {
			if (this.span.get(key) == null) {
				consumer.accept(key, this.identity.get(key));
			}
		}
	}

	@Override
	public int size() {
		int size = this.span.size();
		for (AttributeKey<String> key : this.identityKeys) {
			if (this.span.get(key) == null) {
				size++;
			}
		}
		return size;
	}

	@Override
	public boolean isEmpty() {
		return this.span.isEmpty() && this.identity.isEmpty();
	}

	@Override
	public Map<AttributeKey<?>, Object> asMap() {
		Map<AttributeKey<?>, Object> map = new LinkedHashMap<>(this.span.asMap());
		this.identity.forEach(map::putIfAbsent);
		return Collections.unmodifiableMap(map);
	}

	@Override
	public AttributesBuilder toBuilder() {
		return this.identity.toBuilder().putAll(this.span);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Attributes attributes) && asMap().equals(attributes.asMap());
	}

	@Override
	public int hashCode() {
		return asMap().hashCode();
	}

	@Override
	public String toString() {
		return asMap().toString();
	}

}
