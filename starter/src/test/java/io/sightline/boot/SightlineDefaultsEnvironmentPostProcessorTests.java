package io.sightline.boot;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SightlineDefaultsEnvironmentPostProcessorTests {

	private final SightlineDefaultsEnvironmentPostProcessor processor = new SightlineDefaultsEnvironmentPostProcessor();

	@Test
	void exposesOnlyHealthInfoAndPrometheusWithProbesAndW3c() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
		assertThat(environment.getProperty("management.tracing.propagation.produce")).isEqualTo("w3c");
		assertThat(environment.getProperty("management.tracing.propagation.consume")).isEqualTo("w3c,b3");
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		assertThat(environment.getProperty(
				"management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]"))
			.isEqualTo("false");
	}

	@Test
	void samplingDefaultIsLeftToBootOutsideLocal() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MockPropertySource().withProperty("sightline.environment", "prod"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isNull();
	}

	@Test
	void userValuesWin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MockPropertySource().withProperty("management.endpoints.web.exposure.include", "*"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("*");
	}

	@Test
	void influxPushOnlyWhenAUriIsConfigured() {
		StandardEnvironment unset = new StandardEnvironment();
		this.processor.postProcessEnvironment(unset, new SpringApplication());
		assertThat(unset.getProperty("management.influx.metrics.export.enabled")).isEqualTo("false");
		StandardEnvironment set = new StandardEnvironment();
		set.getPropertySources()
			.addFirst(new MockPropertySource().withProperty("management.influx.metrics.export.uri", "http://influx:8086"));
		this.processor.postProcessEnvironment(set, new SpringApplication());
		assertThat(set.getProperty("management.influx.metrics.export.enabled")).isNull();
	}

	@Test
	void noBannerOnAJsonConsole() {
		StandardEnvironment json = new StandardEnvironment();
		this.processor.postProcessEnvironment(json, new SpringApplication());
		assertThat(json.getProperty("spring.main.banner-mode")).isEqualTo("off");
		for (String[] setting : new String[][] { { "sightline.logging.console", "text" },
				{ "sightline.logging.enabled", "false" }, { "spring.main.banner-mode", "console" } }) {
			StandardEnvironment environment = new StandardEnvironment();
			environment.getPropertySources().addFirst(new MockPropertySource().withProperty(setting[0], setting[1]));
			this.processor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("spring.main.banner-mode")).as(setting[0])
				.isEqualTo("spring.main.banner-mode".equals(setting[0]) ? "console" : null);
		}
	}

}
