package io.sightline.boot.tracing;

import io.sightline.boot.tracing.TracingProperties.TracingMode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Tells whether the OpenTelemetry javaagent is attached, and so which tracing mode is in effect.
 */
public final class AgentDetector {

	/** Loaded by the agent onto the bootstrap class path before the application starts. */
	static final String AGENT_BOOTSTRAP_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

	public static final String MODE_PROPERTY = "sightline.tracing.mode";

	private static final boolean ATTACHED = detect();

	private AgentDetector() {
	}

	public static boolean isAgentAttached() {
		return ATTACHED;
	}

	/** The effective mode: an explicit AGENT/AGENTLESS wins; AUTO follows agent detection. */
	public static TracingMode effectiveMode(Environment environment) {
		// the Binder is case-insensitive for enums, like @ConfigurationProperties binding
		TracingMode mode = Binder.get(environment).bind(MODE_PROPERTY, TracingMode.class).orElse(TracingMode.AUTO);
		if (mode == TracingMode.AUTO) {
			return ATTACHED ? TracingMode.AGENT : TracingMode.AGENTLESS;
		}
		return mode;
	}

	private static boolean detect() {
		try {
			Class.forName(AGENT_BOOTSTRAP_CLASS, false, null);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
