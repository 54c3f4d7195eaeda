package io.sightline.otel.sampling;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Drops database client spans that start a trace: a statement with no request, job or message around
 * it, such as the schema and data scripts run at startup or a pool's validation query, would each make a
 * one-span trace. Used under {@code parentbased}, so statements inside a trace are kept.
 */
final class RootDatabaseSpanDropSampler implements Sampler {

	/** The database system, in the stable semantic conventions and the older ones the agent still emits. */
	static final List<AttributeKey<String>> DB_SYSTEM = List.of(AttributeKey.stringKey("db.system.name"),
			AttributeKey.stringKey("db.system"));

	private final Sampler delegate;

	RootDatabaseSpanDropSampler(Sampler delegate) {
		this.delegate = delegate;
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		if (spanKind == SpanKind.CLIENT && isDatabaseCall(attributes)) {
			return SamplingResult.drop();
		}
		return this.delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
	}

	private static boolean isDatabaseCall(Attributes attributes) {
		for (AttributeKey<String> key : DB_SYSTEM) {
			if (attributes.get(key) != null) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String getDescription() {
		return "SightlineRootDatabaseSpanDrop{then=" + this.delegate.getDescription() + "}";
	}

	@Override
	public String toString() {
		return getDescription();
	}

}
