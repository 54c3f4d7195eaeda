package io.sightline.boot.tracing;

import brave.Tracing;
import brave.handler.MutableSpan;
import io.prometheus.metrics.tracer.common.SpanContext;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.redaction.RedactionAutoConfiguration;
import io.sightline.redaction.RedactionPolicy;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, RedactionAutoConfiguration.class,
				AgentlessTracingAutoConfiguration.class, AgentModeAutoConfiguration.class, ZipkinAutoConfiguration.class,
				BraveAutoConfiguration.class, ZipkinWithBraveTracingAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders", "sightline.environment=test", "sightline.release.id=r-1");

	@Test
	void agentlessTagsEverySpanWithTheIdentityAndReportsThroughOurBoundedReporter() {
		this.runner.withPropertyValues("sightline.tracing.mode=agentless").run((context) -> {
			assertThat(context).hasSingleBean(IdentitySpanHandler.class);
			assertThat(context).hasSingleBean(AsyncZipkinSpanHandler.class);
			assertThat(context).hasBean("sightlineZipkinSpanHandler");
			assertThat(context).doesNotHaveBean("sightlineAgentSpanContext");
			Tracing tracing = context.getBean(Tracing.class);
			assertThat(tracing.tracer().nextSpan().context().traceIdString()).hasSize(32);
			// the reporter's own health (drops, queue) is visible in Micrometer
			io.micrometer.core.instrument.MeterRegistry registry = context
				.getBean(io.micrometer.core.instrument.MeterRegistry.class);
			assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getName())
				.anyMatch((name) -> name.startsWith("zipkin.reporter") && name.contains("dropped"))
				.anyMatch((name) -> name.startsWith("zipkin.reporter") && name.contains("queue"));
		});
	}

	@Test
	void agentModeCreatesNoSpansOfItsOwnButReadsTheAgentsForExemplars() {
		this.runner.withPropertyValues("sightline.tracing.mode=agent").run((context) -> {
			assertThat(context).doesNotHaveBean(IdentitySpanHandler.class);
			assertThat(context).doesNotHaveBean("sightlineZipkinSpanHandler");
			assertThat(context).hasSingleBean(SpanContext.class);
			// no agent in this JVM: the current span is invalid, so no exemplar is attached
			assertThat(context.getBean(SpanContext.class).getCurrentTraceId()).isNull();
		});
	}

	@Test
	void agentModeTagsTheServerSpanInServletApps() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, AgentModeAutoConfiguration.class))
			.withPropertyValues("spring.application.name=orders", "sightline.tracing.mode=agent")
			.run((context) -> assertThat(context).getBean("sightlineServerSpanIdentityFilter")
				.isInstanceOf(FilterRegistrationBean.class));
	}

	@Test
	void noServerSpanTaggingWhenSightlinesAgentPutsTheIdentityOnTheResource() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, AgentModeAutoConfiguration.class))
			.withPropertyValues("spring.application.name=orders", "sightline.tracing.mode=agent",
					AgentModeAutoConfiguration.RESOURCE_IDENTITY_PROPERTY + "=true")
			.run((context) -> assertThat(context).doesNotHaveBean("sightlineServerSpanIdentityFilter"));
	}

	@Test
	void userSpanContextReplacesTheAgentOne() {
		this.runner.withPropertyValues("sightline.tracing.mode=agent")
			.withUserConfiguration(UserSpanContext.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SpanContext.class);
				assertThat(context).doesNotHaveBean("sightlineAgentSpanContext");
			});
	}

	@Test
	void userSpanHandlerReplacesOurs() {
		this.runner.withPropertyValues("sightline.tracing.mode=agentless")
			.withUserConfiguration(UserHandler.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(IdentitySpanHandler.class);
				assertThat(context).hasBean("customHandler");
			});
	}

	@Test
	void identitySpanHandlerTagsAndRedacts() {
		SightlineIdentity identity = new SightlineIdentity("orders", "test", "1.0", "r-1", "i-1");
		IdentitySpanHandler handler = new IdentitySpanHandler(identity, RedactionPolicy.defaults());
		MutableSpan span = new MutableSpan();
		handler.begin(null, span, null);
		span.tag("url.full", "http://x/pay?card=4111111111111111&token=abc");
		span.tag("http.request.header.authorization", "Bearer secret-token");
		span.error(new IllegalStateException("password=hunter2"));
		handler.end(null, span, null);
		assertThat(span.tag("deployment.environment.name")).isEqualTo("test");
		assertThat(span.tag("sightline.release.id")).isEqualTo("r-1");
		assertThat(span.tag("service.version")).isEqualTo("1.0");
		assertThat(span.tag("service.instance.id")).isEqualTo("i-1");
		assertThat(span.tag("url.full")).doesNotContain("4111111111111111").doesNotContain("abc");
		assertThat(span.tag("http.request.header.authorization")).doesNotContain("secret-token");
		assertThat(span.tag("error")).doesNotContain("hunter2");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSpanContext {

		@Bean
		SpanContext userSpanContext() {
			return new OpenTelemetryApiSpanContext();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		@Bean
		IdentitySpanHandler customHandler() {
			return new IdentitySpanHandler(new SightlineIdentity("a", "b", "c", "d", "e"), RedactionPolicy.defaults());
		}

	}

}
