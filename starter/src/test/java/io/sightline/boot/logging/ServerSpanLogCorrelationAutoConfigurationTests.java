package io.sightline.boot.logging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/** Only agentless servlet apps get the filter and listener; with the agent its own instrumentation does it. */
class ServerSpanLogCorrelationAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerSpanLogCorrelationAutoConfiguration.class));

	@Test
	void agentlessServletAppsKeepTheServerSpansIdsUntilTheRequestEnds() {
		this.web.withPropertyValues("sightline.tracing.mode=agentless").run((context) -> {
			assertThat(context).getBean(ServerSpanLogCorrelationAutoConfiguration.FILTER_NAME)
				.isInstanceOf(FilterRegistrationBean.class);
			assertThat(context).hasSingleBean(ServletListenerRegistrationBean.class);
		});
	}

	@Test
	void nothingInAgentMode() {
		this.web.withPropertyValues("sightline.tracing.mode=agent")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerSpanLogCorrelationAutoConfiguration.class)
				.doesNotHaveBean(ServletListenerRegistrationBean.class));
	}

	@Test
	void nothingOutsideServletApps() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ServerSpanLogCorrelationAutoConfiguration.class))
			.withPropertyValues("sightline.tracing.mode=agentless")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerSpanLogCorrelationAutoConfiguration.class));
	}

}
