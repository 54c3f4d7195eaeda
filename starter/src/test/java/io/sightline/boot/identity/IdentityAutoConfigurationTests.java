package io.sightline.boot.identity;

import java.util.Map;

import io.sightline.identity.SightlineIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class));

	@Test
	void resolvesIdentityFromProperties() {
		this.runner
			.withPropertyValues("spring.application.name=orders", "sightline.environment=prod",
					"sightline.release.id=r-42")
			.run((context) -> {
				SightlineIdentity identity = context.getBean(SightlineIdentity.class);
				assertThat(identity.serviceName()).isEqualTo("orders");
				assertThat(identity.environment()).isEqualTo("prod");
				assertThat(identity.releaseId()).isEqualTo("r-42");
				assertThat(identity.version()).isEqualTo("1.2.3-it");
				assertThat(identity.instanceId()).isEqualTo(io.sightline.identity.ReleaseIdentity.processInstanceId());
			});
	}

	@Test
	void environmentDefaultsToLocal() {
		this.runner.withPropertyValues("spring.application.name=orders")
			.run((context) -> assertThat(context.getBean(SightlineIdentity.class).environment()).isEqualTo("local"));
	}

	@Test
	void missingServiceNameFailsNamingTheProperty() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingServiceNameException.class)
				.hasMessageContaining("spring.application.name");
		});
	}

	@Test
	void unknownSightlinePropertyFailsNamingIt() {
		this.runner.withPropertyValues("spring.application.name=orders", "sightline.enviroment=typo")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("sightline.enviroment");
			});
	}

	@Test
	void unknownKeysFromSystemPropertiesAreLeftToTheAgentExtension() {
		this.runner.withPropertyValues("spring.application.name=orders")
			.withSystemProperties("sightline.sampler.ignored-paths=/internal")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void backsOffWhenTheUserDefinesTheIdentity() {
		this.runner.withUserConfiguration(UserIdentity.class).run((context) -> {
			assertThat(context).hasSingleBean(SightlineIdentity.class);
			assertThat(context.getBean(SightlineIdentity.class).serviceName()).isEqualTo("custom");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void contributesTheIdentityToInfo() {
		this.runner.withPropertyValues("spring.application.name=orders", "sightline.release.id=r-1").run((context) -> {
			Info.Builder builder = new Info.Builder();
			context.getBean("sightlineInfoContributor", InfoContributor.class).contribute(builder);
			Map<String, Object> sightline = (Map<String, Object>) builder.build().getDetails().get("sightline");
			assertThat(sightline).containsEntry("service.name", "orders").containsEntry("sightline.release.id", "r-1");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIdentity {

		@Bean
		SightlineIdentity customIdentity() {
			return new SightlineIdentity("custom", "e", "v", "r", "i");
		}

	}

}
