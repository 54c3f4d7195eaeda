package io.sightline.agent.it;

import java.util.List;

/**
 * Sightline's agent with the curated instrumentation set turned off (every module the stock agent
 * enables): the server span, the JDBC span under it, log correlation and the sampler's rules hold just
 * the same (the inherited tests check all three). The default, curated, is SightlineJavaagentSmokeIT.
 */
class AllInstrumentationsSmokeIT extends AbstractAgentSmokeIT {

	@Override
	String serviceName() {
		return "smoke-all-instrumentations";
	}

	@Override
	List<String> agentOptions() {
		return List.of("-javaagent:" + sightlineAgentJar(), "-Dsightline.instrumentation.curated=false");
	}

}
