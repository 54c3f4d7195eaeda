package io.sightline.demo.launcher;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** Agentless (Micrometer Tracing with Brave, Spring Kafka observation): still one trace over all four. */
class DemoAgentlessIT extends AbstractDemoIT {

	@Override
	boolean agent() {
		return false;
	}

	@Test
	void anOrderIsOneTraceAcrossAllFourServices() throws Exception {
		JsonNode item = itemWithStock(1);
		String orderId = placeOrder("c-agentless", item.path("sku").asString(), 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> orderStatus(orderId), "CONFIRMED"::equals);
		String traceId = logLines(DemoService.GATEWAY, orderId).get(0).path("trace.id").asString("");
		awaitTraceAcrossAllFourServices(traceId);
	}

}
