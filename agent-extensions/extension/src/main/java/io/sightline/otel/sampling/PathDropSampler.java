package io.sightline.otel.sampling;

import java.util.List;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The root sampler of the {@code sightline} sampler: server spans for probe and scrape paths are
 * dropped, everything else goes to the ratio sampler. Used under {@code parentbased}, so it only
 * decides for spans that start a trace and never breaks a trace a parent has sampled.
 */
final class PathDropSampler implements Sampler {

	static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

	/** Older semantic conventions, still emitted by some instrumentations. */
	static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

	private final List<PathMatcher> dropPaths;

	private final Sampler delegate;

	private final String description;

	PathDropSampler(List<String> dropPatterns, Sampler delegate) {
		this.dropPaths = dropPatterns.stream().map(PathMatcher::of).toList();
		this.delegate = delegate;
		this.description = "SightlinePathDrop{drop=" + dropPatterns + ",then=" + delegate.getDescription() + "}";
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		if (spanKind == SpanKind.SERVER && isDropped(attributes)) {
			return SamplingResult.drop();
		}
		return this.delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
	}

	private boolean isDropped(Attributes attributes) {
		String path = attributes.get(URL_PATH);
		if (path == null) {
			String target = attributes.get(HTTP_TARGET);
			path = (target != null) ? stripQuery(target) : null;
		}
		if (path == null) {
			return false;
		}
		for (PathMatcher matcher : this.dropPaths) {
			if (matcher.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private static String stripQuery(String target) {
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	/**
	 * One drop pattern, decided on every root server span: a literal is compared and a trailing
	 * {@code /**} is a prefix test, without a regex matcher (which allocates); other globs use
	 * {@link #compile}.
	 */
	interface PathMatcher {

		boolean matches(String path);

		static PathMatcher of(String glob) {
			String trimmed = glob.trim();
			int star = trimmed.indexOf('*');
			if (star < 0) {
				return trimmed::equals;
			}
			if (star == trimmed.length() - 2 && trimmed.endsWith("**")) {
				String prefix = trimmed.substring(0, star);
				return (path) -> path.startsWith(prefix);
			}
			Pattern pattern = compile(trimmed);
			return (path) -> pattern.matcher(path).matches();
		}

	}

	/** {@code *} matches within one path segment, {@code **} across segments; the rest is literal. */
	static Pattern compile(String glob) {
		StringBuilder regex = new StringBuilder();
		String trimmed = glob.trim();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '*') {
				if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '*') {
					regex.append(".*");
					i++;
				}
				else {
					regex.append("[^/]*");
				}
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
