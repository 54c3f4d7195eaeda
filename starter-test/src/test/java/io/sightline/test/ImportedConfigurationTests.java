package io.sightline.test;

import java.time.Duration;
import java.util.List;

import brave.handler.SpanHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.tracing.IdentitySpanHandler;
import io.sightline.test.demo.ContractDemoApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Import(SightlineTestConfiguration.class)} works like the annotation, without a web server. */
@SpringBootTest(classes = ContractDemoApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "spring.application.name=imported-demo", "sightline.tracing.mode=agentless",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
@Import(SightlineTestConfiguration.class)
class ImportedConfigurationTests {

	@Autowired
	CapturedSpans spans;

	@Autowired
	Tracer tracer;

	@Autowired
	SightlineIdentity identity;

	@Autowired
	ApplicationContext context;

	@Test
	void capturesSpansOfTheApplicationsTracer() {
		Span span = this.tracer.nextSpan().name("manual-work").start();
		span.tag("step", "one");
		span.end();

		List<CapturedSpan> trace = this.spans.awaitTrace(span.context().traceId(), Duration.ofSeconds(5));

		assertThat(trace).singleElement().satisfies((captured) -> {
			assertThat(captured.name()).isEqualTo("manual-work");
			assertThat(captured.kind()).isNull();
			assertThat(captured.isServer()).isFalse();
			assertThat(captured.spanId()).isEqualTo(span.context().spanId());
			assertThat(captured.localServiceName()).isEqualTo("imported-demo");
			assertThat(captured.tag("step")).isEqualTo("one");
			assertThat(captured.tag(SightlineIdentity.RELEASE_ID)).isEqualTo(this.identity.releaseId());
		});
	}

	@Test
	void runsAfterTheStartersIdentityAndRedactionHandler() {
		List<SpanHandler> handlers = this.context.getBeanProvider(SpanHandler.class).orderedStream().toList();

		assertThat(handlers).hasAtLeastOneElementOfType(IdentitySpanHandler.class).contains(this.spans);
		assertThat(handlers.indexOf(this.spans))
			.isGreaterThan(handlers.indexOf(this.context.getBean(IdentitySpanHandler.class)));
	}

}
