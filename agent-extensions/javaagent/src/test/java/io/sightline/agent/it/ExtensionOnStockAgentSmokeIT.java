package io.sightline.agent.it;

import java.util.List;

import io.sightline.it.support.ItTools;

/**
 * Acceptance 5: the stock agent 2.31.1 with the extension jar given the way users add their own,
 * {@code -Dotel.javaagent.extensions=<jar>}: the same identity and sampling as the Sightline agent.
 */
class ExtensionOnStockAgentSmokeIT extends AbstractAgentSmokeIT {

	@Override
	String serviceName() {
		return "smoke-stock-agent-extension";
	}

	@Override
	List<String> agentOptions() {
		return List.of("-javaagent:" + ItTools.agentJar().toAbsolutePath(),
				"-Dotel.javaagent.extensions=" + ItTools.tool("sightline-otel-extension.jar").toAbsolutePath());
	}

}
