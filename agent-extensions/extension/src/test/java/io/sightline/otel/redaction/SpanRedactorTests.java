package io.sightline.otel.redaction;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sightline.otel.config.AgentSettings;
import io.sightline.redaction.RedactionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real SDK spans through the redacting exporter, checked on what the delegate exporter receives. */
class SpanRedactorTests {

	static final String CARD = "4111111111111111";

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX19fX19fX18";

	private final InMemorySpanExporter captured = InMemorySpanExporter.create();

	private Tracer tracer(RedactionPolicy policy) {
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new RedactingSpanExporter(this.captured, new SpanRedactor(policy))))
			.build();
		return provider.get("test");
	}

	@Test
	void secretsInAttributesEventsAndNameNeverReachTheExporter() {
		Span span = tracer(RedactionPolicy.defaults()).spanBuilder("GET /pay?card=" + CARD).startSpan();
		span.setAttribute("url.full", "http://shop/pay?card=" + CARD + "&token=" + JWT);
		span.setAttribute("url.query", "password=hunter2&x=1");
		span.setAttribute(AttributeKey.stringArrayKey("http.request.header.authorization"), List.of("Bearer " + JWT));
		span.setAttribute(AttributeKey.stringArrayKey("http.request.header.x-card"), List.of(CARD));
		span.setAttribute("db.statement", "select * from cards where number = '" + CARD + "'");
		span.setAttribute("http.response.status_code", 200L);
		span.recordException(new IllegalStateException("declined " + CARD + " password=hunter2"));
		span.end();

		SpanData exported = this.captured.getFinishedSpanItems().get(0);
		String everything = exported.getName() + exported.getAttributes() + exported.getEvents();
		for (String secret : List.of(CARD, JWT, "hunter2")) {
			assertThat(everything).as("exported span contains %s", secret).doesNotContain(secret);
		}
		assertThat(exported.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
		assertThat(exported.getAttributes().get(AttributeKey.stringKey("url.query"))).contains("x=1");
		assertThat(exported.getEvents()).hasSize(1);
		assertThat(exported.getEvents().get(0).getName()).isEqualTo("exception");
		assertThat(exported.getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
	}

	@Test
	void onlyTheRedactedValuesChangeInTheCopy() {
		SpanRedactor redactor = new SpanRedactor(RedactionPolicy.defaults());
		AttributeKey<List<String>> forwarded = AttributeKey.stringArrayKey("http.request.header.x-forwarded");
		Attributes attributes = Attributes.builder()
			.put("http.route", "/pay")
			.put(forwarded, List.of("clean", "card " + CARD, "also clean"))
			.put("http.response.status_code", 402L)
			.put("url.query", "x=1")
			.build();
		Attributes redacted = redactor.redact(attributes);
		assertThat(redacted).isNotSameAs(attributes);
		assertThat(redacted.size()).isEqualTo(attributes.size());
		assertThat(redacted.get(forwarded)).hasSize(3).startsWith("clean").endsWith("also clean");
		assertThat(redacted.get(forwarded).get(1)).startsWith("card ").doesNotContain(CARD);
		assertThat(redacted.get(AttributeKey.stringKey("http.route"))).isEqualTo("/pay");
		assertThat(redacted.get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(402L);
		assertThat(redacted.get(AttributeKey.stringKey("url.query"))).isEqualTo("x=1");
	}

	@Test
	void cleanSpansAreNotCopied() {
		SpanRedactor redactor = new SpanRedactor(RedactionPolicy.defaults());
		Attributes clean = Attributes.of(AttributeKey.stringKey("http.route"), "/orders/{id}");
		assertThat(redactor.redact(clean)).isSameAs(clean);
		Span span = tracer(RedactionPolicy.defaults()).spanBuilder("GET /orders/{id}").startSpan();
		span.setAttribute("http.route", "/orders/{id}");
		span.end();
		SpanData exported = this.captured.getFinishedSpanItems().get(0);
		assertThat(redactor.redact(exported)).isSameAs(exported);
	}

	@Test
	void identityFromTheResourceGoesOnEachSpanForZipkin() {
		io.opentelemetry.sdk.resources.Resource resource = io.opentelemetry.sdk.resources.Resource
			.create(Attributes.of(AttributeKey.stringKey("sightline.release.id"), "r-1",
					AttributeKey.stringKey("deployment.environment.name"), "prod"));
		SdkTracerProvider provider = zipkinStyleProvider(resource);
		provider.get("test").spanBuilder("select orders").startSpan().end();
		Attributes attributes = this.captured.getFinishedSpanItems().get(0).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("sightline.release.id"))).isEqualTo("r-1");
		assertThat(attributes.get(AttributeKey.stringKey("deployment.environment.name"))).isEqualTo("prod");
	}

	@Test
	void identityIsReadThroughWithoutCopyingAndEachKeyOnce() {
		io.opentelemetry.sdk.resources.Resource resource = io.opentelemetry.sdk.resources.Resource
			.create(Attributes.of(AttributeKey.stringKey("sightline.release.id"), "r-1",
					AttributeKey.stringKey("service.version"), "1.2.0"));
		SdkTracerProvider provider = zipkinStyleProvider(resource);
		provider.get("test").spanBuilder("plain").setAttribute("http.route", "/orders").startSpan().end();
		provider.get("test")
			.spanBuilder("own release")
			.setAttribute("sightline.release.id", "r-span")
			.setAttribute("http.route", "/orders")
			.startSpan()
			.end();

		Attributes plain = this.captured.getFinishedSpanItems().get(0).getAttributes();
		assertThat(plain).isInstanceOf(AttributesWithIdentity.class);
		Map<String, Object> seen = new java.util.LinkedHashMap<>();
		plain.forEach((key, value) -> assertThat(seen.put(key.getKey(), value)).as(key.getKey()).isNull());
		assertThat(seen).containsEntry("http.route", "/orders")
			.containsEntry("sightline.release.id", "r-1")
			.containsEntry("service.version", "1.2.0")
			.hasSize(plain.size());
		assertThat(plain.toBuilder().build().asMap()).isEqualTo(plain.asMap());

		Attributes own = this.captured.getFinishedSpanItems().get(1).getAttributes();
		Map<String, Object> ownSeen = new java.util.LinkedHashMap<>();
		own.forEach((key, value) -> assertThat(ownSeen.put(key.getKey(), value)).as(key.getKey()).isNull());
		assertThat(ownSeen).containsEntry("sightline.release.id", "r-span").containsEntry("service.version", "1.2.0");
	}

	/** Redaction with the identity copied onto the spans, as for the Zipkin exporter. */
	private SdkTracerProvider zipkinStyleProvider(io.opentelemetry.sdk.resources.Resource resource) {
		return SdkTracerProvider.builder()
			.setResource(resource)
			.addSpanProcessor(SimpleSpanProcessor
				.create(new RedactingSpanExporter(this.captured, new SpanRedactor(RedactionPolicy.defaults(), true))))
			.build();
	}

	@Test
	void identityStaysOnTheResourceForOtlp() {
		assertThat(RedactionCustomizerProvider.identityOnSpans(DefaultConfigProperties.createFromMap(Map.of())))
			.isFalse();
		assertThat(RedactionCustomizerProvider
			.identityOnSpans(DefaultConfigProperties.createFromMap(Map.of("otel.traces.exporter", "zipkin")))).isTrue();
		assertThat(RedactionCustomizerProvider.identityOnSpans(DefaultConfigProperties.createFromMap(
				Map.of("otel.traces.exporter", "zipkin", "sightline.exporter.identity-on-spans", "false")))).isFalse();
	}

	@Test
	void userPatternsFromAgentConfiguration() {
		RedactionPolicy policy = AgentSettings
			.redactionPolicy(DefaultConfigProperties.createFromMap(Map.of("sightline.redaction.patterns", "EMP-\\d{4}")));
		Span span = tracer(policy).spanBuilder("lookup").startSpan();
		span.setAttribute("employee", "EMP-1234");
		span.end();
		assertThat(this.captured.getFinishedSpanItems().get(0).getAttributes().get(AttributeKey.stringKey("employee")))
			.isEqualTo("[REDACTED]");
	}

}
