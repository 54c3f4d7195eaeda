package io.sightline.boot.actuator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.beans.BeansEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.management.ThreadDumpEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ActuatorExposureAutoConfigurationTests {

	private static final String WARNING = "The actuator exposes sensitive endpoints over HTTP";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ThreadDumpEndpointAutoConfiguration.class,
				BeansEndpointAutoConfiguration.class, InfoEndpointAutoConfiguration.class,
				ActuatorExposureAutoConfiguration.class));

	@Test
	void exposingEverythingWarnsOnceNamingTheSensitiveEndpointsAndTheProperty(CapturedOutput output) {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=*").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output.getAll().lines().filter((line) -> line.contains(WARNING))).singleElement()
				.satisfies((line) -> assertThat(line).contains("beans (", "env (configuration values)",
						"threaddump (thread stacks)", "management.endpoints.web.exposure.include=*")
					.doesNotContain("info ("));
		});
	}

	@Test
	void oneSensitiveEndpointIsEnough(CapturedOutput output) {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health,info,env")
			.run((context) -> assertThat(output).contains(WARNING, "env (configuration values)",
					"management.endpoints.web.exposure.include=health,info,env")
				.doesNotContain("threaddump ("));
	}

	@Test
	void theDefaultExposureSaysNothing(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).doesNotContain(WARNING);
		});
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health,info,prometheus")
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	@Test
	void notAWebApplicationNoCheck() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActuatorExposureAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("sightlineSensitiveEndpointExposureCheck"));
	}

}
