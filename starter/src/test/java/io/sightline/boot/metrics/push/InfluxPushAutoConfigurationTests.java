package io.sightline.boot.metrics.push;

import io.micrometer.influx.InfluxConfig;
import io.micrometer.influx.InfluxMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.influx.InfluxMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxPushAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, InfluxPushAutoConfiguration.class,
				InfluxMetricsExportAutoConfiguration.class))
		.withPropertyValues("management.influx.metrics.export.uri=http://127.0.0.1:1");

	@Test
	void theInfluxRegistrySendsThroughTheCountingSender() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InfluxMeterRegistry.class).hasSingleBean(PushFailureTracker.class);
			Object sender = ReflectionTestUtils.getField(context.getBean(InfluxMeterRegistry.class), "httpClient");
			assertThat(sender).isInstanceOf(FailureCountingHttpSender.class);
		});
	}

	@Test
	void backsOffWhenInfluxExportIsDisabled() {
		this.runner.withPropertyValues("management.influx.metrics.export.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InfluxMeterRegistry.class)
				.doesNotHaveBean(PushFailureTracker.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnRegistry() {
		this.runner
			.withBean("custom", InfluxMeterRegistry.class,
					() -> InfluxMeterRegistry.builder(InfluxConfig.DEFAULT).build())
			.run((context) -> {
				assertThat(context).hasSingleBean(InfluxMeterRegistry.class);
				assertThat(context.getBean(InfluxMeterRegistry.class)).isSameAs(context.getBean("custom"));
				assertThat(context).doesNotHaveBean(PushFailureTracker.class);
			});
	}

}
