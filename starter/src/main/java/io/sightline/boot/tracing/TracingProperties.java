package io.sightline.boot.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sightline.tracing.*}: which component owns spans.
 */
@ConfigurationProperties(prefix = TracingProperties.PREFIX, ignoreUnknownFields = false)
public class TracingProperties {

	public static final String PREFIX = "sightline.tracing";

	/**
	 * AUTO detects the OpenTelemetry javaagent; AGENT and AGENTLESS force a mode.
	 */
	private TracingMode mode = TracingMode.AUTO;

	public TracingMode getMode() {
		return this.mode;
	}

	public void setMode(TracingMode mode) {
		this.mode = mode;
	}

	public enum TracingMode {

		/** Use the agent when it is attached, else Micrometer Tracing with Brave. */
		AUTO,
		/** The agent owns spans; the starter creates none. */
		AGENT,
		/** Micrometer Tracing with Brave, reporting to Zipkin. */
		AGENTLESS

	}

}
