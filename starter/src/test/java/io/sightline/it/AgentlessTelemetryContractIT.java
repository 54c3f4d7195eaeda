package io.sightline.it;

import java.util.List;

import io.sightline.it.support.ZipkinServer;

/** Agentless: Micrometer Tracing with Brave, reporting to Zipkin through zipkin-reporter. */
class AgentlessTelemetryContractIT extends AbstractTelemetryContractIT {

	@Override
	String serviceName() {
		return "contract-agentless";
	}

	@Override
	List<String> jvmOptions(ZipkinServer zipkin) {
		return List.of();
	}

}
