package io.sightline.agent.it;

import java.util.List;

/**
 * The opt-in curated instrumentation set keeps what a Spring Boot service needs: the server span, the
 * JDBC span under it, log correlation, and the sampler's rules (the inherited tests check all three).
 */
class CuratedInstrumentationSmokeIT extends AbstractAgentSmokeIT {

	@Override
	String serviceName() {
		return "smoke-curated";
	}

	@Override
	List<String> agentOptions() {
		return List.of("-javaagent:" + sightlineAgentJar(), "-Dsightline.instrumentation.curated=true");
	}

}
