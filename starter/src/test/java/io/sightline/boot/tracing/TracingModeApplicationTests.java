package io.sightline.boot.tracing;

import brave.Tracing;
import io.micrometer.tracing.Tracer;
import io.prometheus.metrics.tracer.common.SpanContext;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full SpringApplication runs, so the auto-configuration import filter applies as in production: in
 * agent mode there is no second tracer at all.
 */
class TracingModeApplicationTests {

	private static ConfigurableApplicationContext run(String mode) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--spring.application.name=mode-test", "--sightline.tracing.mode=" + mode,
				"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans");
	}

	@Test
	void agentModeHasNoBraveNoZipkinReporterAndANoopTracer() {
		try (ConfigurableApplicationContext context = run("agent")) {
			assertThat(context.getBeansOfType(Tracing.class)).isEmpty();
			assertThat(context.getBeansOfType(AsyncZipkinSpanHandler.class)).isEmpty();
			assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
			assertThat(context.getBean(SpanContext.class)).isNotNull();
		}
	}

	@Test
	void agentlessModeHasBraveAndOurReporter() {
		try (ConfigurableApplicationContext context = run("agentless")) {
			assertThat(context.getBeansOfType(Tracing.class)).hasSize(1);
			assertThat(context.getBeansOfType(AsyncZipkinSpanHandler.class)).containsOnlyKeys("sightlineZipkinSpanHandler");
			assertThat(context.getBean(Tracer.class)).isNotSameAs(Tracer.NOOP);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
