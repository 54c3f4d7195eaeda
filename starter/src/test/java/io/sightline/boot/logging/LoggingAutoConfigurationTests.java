package io.sightline.boot.logging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(LoggingAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void exposesTheDropCounterPerReason() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sightline.logging.dropped").tag("reason", "buffer_full").functionCounter())
				.isNotNull();
			assertThat(registry.get("sightline.logging.dropped").tag("reason", "send_failed").functionCounter())
				.isNotNull();
		});
	}

	@Test
	void offWhenSightlineLoggingIsDisabled() {
		this.runner.withPropertyValues("sightline.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("sightlineLoggingDropped"));
	}

	@Test
	void userBinderReplacesOurs() {
		this.runner.withUserConfiguration(UserBinder.class).run((context) -> {
			assertThat(context.getBean(MeterRegistry.class).find("sightline.logging.dropped").functionCounter())
				.isNull();
			assertThat(context.getBean(MeterRegistry.class).find("custom.dropped").counter()).isNotNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBinder {

		@Bean
		MeterBinder sightlineLoggingDropped() {
			return (registry) -> registry.counter("custom.dropped");
		}

	}

}
