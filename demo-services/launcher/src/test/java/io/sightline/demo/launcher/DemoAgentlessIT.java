package io.sightline.demo.launcher;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
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
		JsonNode trace = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				String json = this.demo.zipkin().trace(traceId);
				return (json != null) ? JSON.readTree(json) : null;
			}, (t) -> t != null && serviceNames(t).size() >= 4 && kinds(t).containsAll(List.of("PRODUCER", "CONSUMER")));
		assertThat(serviceNames(trace)).contains("gateway", "order-service", "payment-service", "inventory-service");
	}

}
