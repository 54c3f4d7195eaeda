package io.sightline.boot.tracing;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AgentModeAutoConfigurationFilterTests {

	private static final String[] CANDIDATES = {
			"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
			"org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration", null };

	@Test
	void agentModeExcludesBraveZipkinAndTheTracingObservationHandlersButKeepsTheNoopTracer() {
		AgentModeAutoConfigurationFilter filter = new AgentModeAutoConfigurationFilter();
		filter.setEnvironment(new MockEnvironment().withProperty("sightline.tracing.mode", "agent"));
		assertThat(filter.match(CANDIDATES, null)).containsExactly(false, false, true, false, true, true);
	}

	@Test
	void agentlessModeKeepsEverything() {
		AgentModeAutoConfigurationFilter filter = new AgentModeAutoConfigurationFilter();
		filter.setEnvironment(new MockEnvironment().withProperty("sightline.tracing.mode", "agentless"));
		assertThat(filter.match(CANDIDATES, null)).containsExactly(true, true, true, true, true, true);
	}

	@Test
	void autoModeFollowsDetection() {
		// no agent is attached to the unit-test JVM
		assertThat(AgentDetector.isAgentAttached()).isFalse();
		AgentModeAutoConfigurationFilter filter = new AgentModeAutoConfigurationFilter();
		filter.setEnvironment(new MockEnvironment());
		assertThat(filter.match(CANDIDATES, null)).containsExactly(true, true, true, true, true, true);
	}

}
