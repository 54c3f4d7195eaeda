package io.sightline.boot.tracing;

import java.util.Set;

import io.sightline.boot.tracing.TracingProperties.TracingMode;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * With the agent in charge of spans, Brave and its Zipkin reporter must not start at all: a second
 * tracer would create its own spans and put its own trace ids in the MDC. Nor do Micrometer Tracing's
 * observation handlers: the agent already traces every request they would see, so with Boot's no-op
 * tracer they only cost time per request. The no-op {@code Tracer} bean itself stays for code that
 * injects one.
 */
public class AgentModeAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final Set<String> AGENTLESS_ONLY = Set.of(
			"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration",
			"org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean agent = this.environment != null && AgentDetector.effectiveMode(this.environment) == TracingMode.AGENT;
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			// earlier filters null out the candidates they rejected
			matches[i] = candidate == null || !(agent && AGENTLESS_ONLY.contains(candidate));
		}
		return matches;
	}

}
