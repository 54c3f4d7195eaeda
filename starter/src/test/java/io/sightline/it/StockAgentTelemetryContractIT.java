package io.sightline.it;

import java.util.List;

import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ZipkinServer;

/** The stock OpenTelemetry javaagent 2.31.1 attached: it owns the spans, the starter creates none. */
class StockAgentTelemetryContractIT extends AbstractTelemetryContractIT {

	@Override
	String serviceName() {
		return "contract-agent";
	}

	@Override
	List<String> jvmOptions(ZipkinServer zipkin) {
		return ForkedApp.stockAgent(zipkin);
	}

}
