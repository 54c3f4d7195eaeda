package io.sightline.boot.redaction;

import io.sightline.boot.logging.LogRedaction;
import io.sightline.redaction.RedactionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedactionAutoConfiguration.class));

	@AfterEach
	void reset() {
		LogRedaction.install(RedactionPolicy.defaults());
	}

	@Test
	void defaultPolicyMasksBuiltIns() {
		this.runner.run((context) -> {
			RedactionPolicy policy = context.getBean(RedactionPolicy.class);
			assertThat(policy.redact("card 4111 1111 1111 1111")).doesNotContain("4111 1111 1111 1111");
			assertThat(LogRedaction.current()).isSameAs(policy);
		});
	}

	@Test
	void propertiesAddPatternsKeysAndReplacement() {
		this.runner
			.withPropertyValues("sightline.redaction.patterns=EMP-\\d{4}", "sightline.redaction.sensitive-keys=ssn",
					"sightline.redaction.replacement=***")
			.run((context) -> {
				RedactionPolicy policy = context.getBean(RedactionPolicy.class);
				assertThat(policy.redact("employee EMP-1234")).isEqualTo("employee ***");
				assertThat(policy.isSensitiveKey("user.ssn")).isTrue();
			});
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("sightline.redaction.enabled=false").run((context) -> {
			String text = "card 4111 1111 1111 1111 password=x";
			assertThat(context.getBean(RedactionPolicy.class).redact(text)).isEqualTo(text);
		});
	}

	@Test
	void invalidPatternFailsNamingTheProperty() {
		this.runner.withPropertyValues("sightline.redaction.patterns=([unclosed").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("sightline.redaction.patterns")
				.hasStackTraceContaining("([unclosed");
		});
	}

	@Test
	void customizersAreApplied() {
		this.runner.withUserConfiguration(Customizer.class)
			.run((context) -> assertThat(context.getBean(RedactionPolicy.class).redact("id ORD-99")).isEqualTo(
					"id [REDACTED]"));
	}

	@Test
	void userPolicyReplacesOursAndReachesTheLogs() {
		this.runner.withUserConfiguration(UserPolicy.class).run((context) -> {
			assertThat(context).hasSingleBean(RedactionPolicy.class);
			assertThat(LogRedaction.current()).isSameAs(context.getBean("userPolicy"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizer {

		@Bean
		RedactionPolicyCustomizer orderIds() {
			return (builder) -> builder.customPatterns(java.util.List.of("ORD-\\d+"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPolicy {

		@Bean
		RedactionPolicy userPolicy() {
			return RedactionPolicy.builder().cardNumbers(false).build();
		}

	}

}
