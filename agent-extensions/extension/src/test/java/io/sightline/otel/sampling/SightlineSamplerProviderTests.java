package io.sightline.otel.sampling;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SightlineSamplerProviderTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static Sampler sampler(Map<String, String> properties) {
		return new SightlineSamplerProvider().createSampler(DefaultConfigProperties.createFromMap(properties));
	}

	private static SamplingDecision decide(Sampler sampler, Context parent, SpanKind kind, String path) {
		Attributes attributes = (path != null) ? Attributes.of(PathDropSampler.URL_PATH, path) : Attributes.empty();
		return sampler.shouldSample(parent, TRACE_ID, "GET", kind, attributes, List.of()).getDecision();
	}

	@Test
	void isRegisteredUnderItsName() {
		assertThat(new SightlineSamplerProvider().getName()).isEqualTo("sightline");
	}

	@Test
	void dropsProbeAndScrapeServerSpans() {
		Sampler sampler = sampler(Map.of());
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/prometheus", "/actuator",
				"/health", "/metrics", "/prometheus", "/livez", "/readyz")) {
			assertThat(decide(sampler, Context.root(), SpanKind.SERVER, path)).as(path).isEqualTo(SamplingDecision.DROP);
		}
	}

	@Test
	void samplesBusinessRequestsAndNonServerSpans() {
		Sampler sampler = sampler(Map.of());
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/orders/42"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/actuatorx")).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		// a client call to another service's health endpoint is the caller's business
		assertThat(decide(sampler, Context.root(), SpanKind.CLIENT, "/actuator/health"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, null)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void dropsDatabaseCallsOutsideAnyTraceAndKeepsThoseInside() {
		Sampler sampler = sampler(Map.of());
		for (String key : List.of("db.system.name", "db.system")) {
			Attributes statement = Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey(key), "h2");
			assertThat(sampler.shouldSample(Context.root(), TRACE_ID, "INSERT owners", SpanKind.CLIENT, statement,
					List.of()).getDecision()).as(key).isEqualTo(SamplingDecision.DROP);
			SpanContext sampledParent = SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7",
					TraceFlags.getSampled(), TraceState.getDefault());
			assertThat(sampler.shouldSample(Context.root().with(Span.wrap(sampledParent)), TRACE_ID, "SELECT owners",
					SpanKind.CLIENT, statement, List.of()).getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
			assertThat(sampler(Map.of("sightline.sampler.drop-root-database-spans", "false")).shouldSample(Context.root(),
					TRACE_ID, "INSERT owners", SpanKind.CLIENT, statement, List.of()).getDecision())
				.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		}
		// a root client span that is not a database call is still sampled
		assertThat(decide(sampler, Context.root(), SpanKind.CLIENT, null)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void olderHttpTargetAttributeWorksToo() {
		Attributes attributes = Attributes.of(PathDropSampler.HTTP_TARGET, "/actuator/prometheus?x=1");
		assertThat(sampler(Map.of()).shouldSample(Context.root(), TRACE_ID, "GET", SpanKind.SERVER, attributes, List.of())
			.getDecision()).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void configurablePatterns() {
		Sampler sampler = sampler(Map.of("sightline.sampler.drop-paths", "/internal/**,/ping,/static/*.css"));
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/internal/a/b")).isEqualTo(SamplingDecision.DROP);
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/ping")).isEqualTo(SamplingDecision.DROP);
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/static/site.css")).isEqualTo(SamplingDecision.DROP);
		assertThat(decide(sampler, Context.root(), SpanKind.SERVER, "/static/a/site.css"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void theFastMatchersAgreeWithTheGlobsRegex() {
		List<String> globs = List.of("/internal/**", "/ping", " /static/*.css ", "/a/**/b", "/actuator/**");
		List<String> paths = List.of("/internal", "/internal/", "/internal/a/b", "/ping", "/ping/", "/pingx",
				"/static/site.css", "/static/a/site.css", "/a/x/y/b", "/a/b", "/actuator/health", "/actuator", "");
		for (String glob : globs) {
			PathDropSampler.PathMatcher matcher = PathDropSampler.PathMatcher.of(glob);
			java.util.regex.Pattern regex = PathDropSampler.compile(glob);
			for (String path : paths) {
				assertThat(matcher.matches(path)).as("%s against %s", glob, path)
					.isEqualTo(regex.matcher(path).matches());
			}
		}
	}

	@Test
	void neverBreaksATraceThatAParentSampled() {
		SpanContext sampledParent = SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7",
				TraceFlags.getSampled(), TraceState.getDefault());
		Context parent = Context.root().with(Span.wrap(sampledParent));
		assertThat(decide(sampler(Map.of("sightline.sampler.ratio", "0")), parent, SpanKind.SERVER, "/orders/1"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(sampler(Map.of()), parent, SpanKind.SERVER, "/actuator/health"))
			.isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void ratioAppliesToRootSpans() {
		assertThat(decide(sampler(Map.of("sightline.sampler.ratio", "0")), Context.root(), SpanKind.SERVER, "/orders/1"))
			.isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void invalidRatioFailsNamingTheProperty() {
		assertThatThrownBy(() -> sampler(Map.of("sightline.sampler.ratio", "1.5")))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("sightline.sampler.ratio");
	}

}
