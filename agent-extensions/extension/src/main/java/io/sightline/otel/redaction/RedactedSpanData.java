package io.sightline.otel.redaction;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

/** A span as it leaves the process: name, attributes and events redacted, everything else as it was. */
final class RedactedSpanData extends DelegatingSpanData {

	private final String name;

	private final Attributes attributes;

	private final List<EventData> events;

	RedactedSpanData(SpanData delegate, String name, Attributes attributes, List<EventData> events) {
		super(delegate);
		this.name = name;
		this.attributes = attributes;
		this.events = events;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public List<EventData> getEvents() {
		return this.events;
	}

}
