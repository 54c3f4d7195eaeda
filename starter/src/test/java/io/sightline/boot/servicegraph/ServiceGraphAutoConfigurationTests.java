package io.sightline.boot.servicegraph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import brave.baggage.BaggagePropagationCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.boot.metrics.SightlineMetricsAutoConfiguration;
import io.sightline.boot.redaction.RedactionAutoConfiguration;
import io.sightline.boot.tracing.AgentlessTracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceGraphAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(IdentityAutoConfiguration.class,
			SightlineMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, ServiceGraphAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.application.name=orders", "sightline.tracing.mode=agentless");

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.application.name=orders", "sightline.tracing.mode=agentless");

	@Test
	void onByDefaultWithTheFilterTheListenerAdviceAndTheProducerInterceptor() {
		this.webRunner.run((context) -> {
			assertThat(context).hasSingleBean(ServiceGraphMeters.class);
			assertThat(context).hasSingleBean(ServiceGraphListenerAdvice.class);
			assertThat(context).hasSingleBean(ServiceGraphKafkaListenerFactoryPostProcessor.class);
			assertThat(context).hasSingleBean(ServiceGraphProducerFactoryCustomizer.class);
			assertThat(context).hasBean("sightlineServiceGraphHistogram");
			assertThat(context).getBean("sightlineServiceGraphFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> {
					assertThat(registration.getOrder()).isEqualTo(ServiceGraphAutoConfiguration.FILTER_ORDER);
					assertThat(registration.getFilter()).isInstanceOf(ServiceGraphFilter.class);
				});
			assertThat(context.getBean(ServiceGraphMeters.class).server()).isEqualTo("orders");
		});
	}

	@Test
	void offWithTheProperty() {
		this.webRunner.withPropertyValues("sightline.service-graph.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ServiceGraphMeters.class);
			assertThat(context).doesNotHaveBean("sightlineServiceGraphFilter");
			assertThat(context).doesNotHaveBean(ServiceGraphListenerAdvice.class);
			assertThat(context).doesNotHaveBean(ServiceGraphProducerFactoryCustomizer.class);
			assertThat(context).doesNotHaveBean(CallerBaggage.class);
			assertThat(context).doesNotHaveBean(BaggagePropagationCustomizer.class);
		});
	}

	@Test
	void noFilterOutsideServletApps() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ServiceGraphMeters.class);
			assertThat(context).doesNotHaveBean("sightlineServiceGraphFilter");
		});
	}

	@Test
	void agentModeUsesTheOpenTelemetryApi() {
		this.runner.withPropertyValues("sightline.tracing.mode=agent").run((context) -> {
			assertThat(context).getBean(CallerBaggage.class).isInstanceOf(OpenTelemetryCallerBaggage.class);
			assertThat(context).doesNotHaveBean(BaggagePropagationCustomizer.class);
		});
	}

	@Test
	void agentlessModeUsesMicrometerTracingAndDeclaresTheRemoteField() {
		this.runner.run((context) -> {
			assertThat(context).getBean(CallerBaggage.class).isInstanceOf(MicrometerCallerBaggage.class);
			assertThat(context).hasBean("sightlineCallerBaggagePropagationCustomizer");
		});
	}

	@Test
	void agentlessBaggageIsExtractedReadSetAndInjected() {
		braveRunner().run(ServiceGraphAutoConfigurationTests::assertCallerPropagates);
	}

	@Test
	void aRemoteFieldsPropertyThatAlreadyDeclaresTheFieldIsFine() {
		braveRunner().withPropertyValues("management.tracing.baggage.remote-fields=sightline.caller,tenant")
			.run(ServiceGraphAutoConfigurationTests::assertCallerPropagates);
	}

	private ApplicationContextRunner braveRunner() {
		return this.runner.withConfiguration(AutoConfigurations.of(RedactionAutoConfiguration.class,
				AgentlessTracingAutoConfiguration.class, BraveAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class));
	}

	@SuppressWarnings("try")
	private static void assertCallerPropagates(org.springframework.context.ApplicationContext context) {
		Tracer tracer = context.getBean(Tracer.class);
		Propagator propagator = context.getBean(Propagator.class);
		CallerBaggage baggage = context.getBean(CallerBaggage.class);
		Map<String, String> incoming = Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
				"baggage", "sightline.caller=gateway");
		Span server = propagator.extract(incoming, Map::get).name("server").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(server)) {
			assertThat(baggage.current()).isEqualTo("gateway");
			try (CallerBaggage.Scope caller = baggage.actAs("orders")) {
				assertThat(baggage.current()).isEqualTo("orders");
				Span client = tracer.nextSpan().name("client").start();
				Map<String, String> outgoing = new HashMap<>();
				propagator.inject(client.context(), outgoing, Map::put);
				assertThat(Callers.fromBaggageHeader(outgoing.get("baggage"))).isEqualTo("orders");
				client.end();
			}
		}
		finally {
			server.end();
		}
	}

	@Test
	void theListenerAdviceIsAddedToTheApplicationsOwnFactoryKeepingItsInterceptor() {
		this.runner.withUserConfiguration(UserKafkaFactory.class).run((context) -> {
			ConcurrentKafkaListenerContainerFactory<?, ?> factory = context
				.getBean(ConcurrentKafkaListenerContainerFactory.class);
			assertThat(factory.getContainerProperties().getAdviceChain())
				.containsExactly(context.getBean(ServiceGraphListenerAdvice.class));
			assertThat(factory.getRecordInterceptor()).isSameAs(UserKafkaFactory.INTERCEPTOR);
		});
	}

	@Test
	void theHistogramKeepsItsSmallBucketSetWhateverTheGlobalSettings() {
		this.runner
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.all=true",
					"management.metrics.distribution.percentiles.all=0.99")
			.run((context) -> {
				context.getBean(ServiceGraphMeters.class)
					.record("gateway", ServiceGraphMeters.ConnectionType.HTTP, false, 1_000_000);
				Timer timer = context.getBean(MeterRegistry.class)
					.get(ServiceGraphMeters.DURATION)
					.tags("client", "gateway", "server", "orders", "connection_type", "http", "failed", "false")
					.timer();
				assertThat(timer.takeSnapshot().histogramCounts()).hasSize(11);
				assertThat(timer.takeSnapshot().percentileValues()).isEmpty();
				assertThat(context.getBean(MeterRegistry.class)
					.get(ServiceGraphMeters.REQUESTS)
					.tags("client", "gateway", "server", "orders", "connection_type", "http", "failed", "false")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserKafkaFactory {

		static final RecordInterceptor<Object, Object> INTERCEPTOR = (record, consumer) -> record;

		@Bean
		ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory() {
			ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of()));
			factory.setRecordInterceptor(INTERCEPTOR);
			return factory;
		}

	}

}
