package io.sightline.demo.inventory;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.sightline.demo.events.OrderCancelled;
import io.sightline.demo.events.OrderLine;
import io.sightline.demo.events.OrderPlaced;
import io.sightline.demo.events.SagaTopics;
import io.sightline.demo.events.test.AbstractSagaServiceIntegrationTests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against a real (embedded KRaft) broker and its H2 database: OrderPlaced reserves
 * all or nothing, OrderCancelled releases once, StockResult carries the trace of the decision's log
 * line, and the catalog and stock are served over HTTP. Each test works on its own skus.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = { SagaTopics.ORDER_PLACED, SagaTopics.ORDER_CANCELLED },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class InventoryServiceIntegrationTests extends AbstractSagaServiceIntegrationTests {

	InventoryServiceIntegrationTests() {
		super("inventory-service", SagaTopics.STOCK_RESULTS, "StockResult");
	}

	@Test
	void reservesAllOrNothingAndReleasesExactlyOnce(CapturedOutput output) throws Exception {
		assertStock("SKU-8", 5, 0);
		assertStock("SKU-3", 300, 0);

		// 1. enough stock: every line is reserved
		String first = newOrderId();
		List<OrderLine> firstLines = List.of(line("SKU-8", 2, "549.00"), line("SKU-3", 1, "89.00"));
		send(SagaTopics.ORDER_PLACED, first, new OrderPlaced(first, "c-1", firstLines, new BigDecimal("1187.00")));
		ConsumerRecord<String, String> reserved = awaitResults(first, 1).get(0);
		assertThat(JSON.readTree(reserved.value()).get("reserved").asBoolean()).isTrue();
		assertThat(JSON.readTree(reserved.value()).get("reason").isNull()).isTrue();
		assertThat(reserved.headers().lastHeader("__TypeId__")).as("type-info headers are off").isNull();
		assertThat(decisionLogLine(output, first, "Stock reserved").get("trace.id").asString())
			.isEqualTo(traceIdOf(reserved));
		assertStock("SKU-8", 3, 2);
		assertStock("SKU-3", 299, 1);

		// 2. one line short: nothing is reserved, not even the line that would fit
		String second = newOrderId();
		send(SagaTopics.ORDER_PLACED, second, new OrderPlaced(second, "c-2",
				List.of(line("SKU-3", 5, "89.00"), line("SKU-8", 4, "549.00")), new BigDecimal("2641.00")));
		ConsumerRecord<String, String> rejected = awaitResults(second, 1).get(0);
		JsonNode rejection = JSON.readTree(rejected.value());
		assertThat(rejection.get("reserved").asBoolean()).isFalse();
		assertThat(rejection.get("reason").asString()).isEqualTo("insufficient stock for SKU-8");
		assertThat(decisionLogLine(output, second, "Stock rejected").get("trace.id").asString())
			.isEqualTo(traceIdOf(rejected));
		assertStock("SKU-8", 3, 2);
		assertStock("SKU-3", 299, 1);

		// 3. compensation: the first order is cancelled, its stock comes back
		OrderCancelled cancelled = new OrderCancelled(first, "payment declined", firstLines);
		send(SagaTopics.ORDER_CANCELLED, first, cancelled);
		await().atMost(WAIT).untilAsserted(() -> assertStock("SKU-8", 5, 0));
		assertStock("SKU-3", 300, 0);
		assertThat(output.getOut()).contains("Stock released for cancelled order " + first
				+ " (payment declined): SKU-3 x1, SKU-8 x2");

		// 4. the cancellation delivered again releases nothing more
		send(SagaTopics.ORDER_CANCELLED, first, cancelled);
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(output.getOut()).contains("Nothing to release for cancelled order " + first));
		assertStock("SKU-8", 5, 0);
		assertStock("SKU-3", 300, 0);
	}

	@Test
	void aRedeliveredOrderIsReservedOnceAndAnsweredTwice(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		OrderPlaced order = new OrderPlaced(orderId, "c-3", List.of(line("SKU-5", 3, "229.00")),
				new BigDecimal("687.00"));
		send(SagaTopics.ORDER_PLACED, orderId, order);
		send(SagaTopics.ORDER_PLACED, orderId, order);

		List<ConsumerRecord<String, String>> results = awaitResults(orderId, 2);
		assertThat(results).extracting(ConsumerRecord::value)
			.containsOnly("{\"orderId\":\"" + orderId + "\",\"reserved\":true,\"reason\":null}");
		assertThat(output.getOut())
			.contains("Stock reserved for order " + orderId + " (already decided: same result published again)");
		assertStock("SKU-5", 117, 3);
	}

	@Test
	void rejectsAnUnknownSkuWithoutTouchingTheOthers() throws Exception {
		String orderId = newOrderId();
		send(SagaTopics.ORDER_PLACED, orderId, new OrderPlaced(orderId, "c-4",
				List.of(line("SKU-6", 1, "9.99"), line("NOPE-1", 1, "1.00")), new BigDecimal("10.99")));

		JsonNode result = JSON.readTree(awaitResults(orderId, 1).get(0).value());
		assertThat(result.get("reserved").asBoolean()).isFalse();
		assertThat(result.get("reason").asString()).isEqualTo("unknown sku NOPE-1");
		assertStock("SKU-6", 10000, 0);
	}

	@Test
	void anOrderPlacedAfterItsCancellationReservesNothing(CapturedOutput output) throws Exception {
		String orderId = newOrderId();
		List<OrderLine> lines = List.of(line("SKU-7", 1, "199.00"));
		// the saga timed out before inventory-service saw the order
		send(SagaTopics.ORDER_CANCELLED, orderId, new OrderCancelled(orderId, "saga timeout", lines));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(output.getOut())
				.contains("Order " + orderId + " cancelled before its stock was reserved"));
		send(SagaTopics.ORDER_PLACED, orderId, new OrderPlaced(orderId, "c-5", lines, new BigDecimal("199.00")));

		JsonNode result = JSON.readTree(awaitResults(orderId, 1).get(0).value());
		assertThat(result.get("reserved").asBoolean()).isFalse();
		assertThat(result.get("reason").asString()).isEqualTo("order cancelled before stock was reserved");
		assertStock("SKU-7", 200, 0);
	}

	@Test
	void servesTheCatalogAndStockLevels() throws Exception {
		HttpResponse<String> catalog = get("/catalog");
		assertThat(catalog.statusCode()).isEqualTo(200);
		JsonNode items = JSON.readTree(catalog.body());
		assertThat(items.size()).isEqualTo(8);
		List<String> skus = new ArrayList<>();
		items.forEach((item) -> skus.add(item.get("sku").asString()));
		assertThat(skus).containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5", "SKU-6", "SKU-7", "SKU-8");
		JsonNode notebook = items.get(1);
		assertThat(notebook.propertyNames()).containsExactly("sku", "name", "price", "available");
		assertThat(notebook.get("name").asString()).isEqualTo("Notebook A5");
		assertThat(notebook.get("price").decimalValue()).isEqualByComparingTo("4.50");
		assertThat(notebook.get("available").asInt()).isEqualTo(5000);

		HttpResponse<String> stock = get("/stock/SKU-2");
		assertThat(stock.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(stock.body()))
			.isEqualTo(JSON.readTree("{\"sku\":\"SKU-2\",\"available\":5000,\"reserved\":0}"));

		HttpResponse<String> unknown = get("/stock/NOPE-2");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).get("detail").asString()).isEqualTo("unknown sku NOPE-2");
	}

	private void send(String topic, String orderId, Object event) throws Exception {
		send(topic, orderId, event, null);
	}

	private void assertStock(String sku, int available, int reserved) throws Exception {
		HttpResponse<String> response = get("/stock/" + sku);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode stock = JSON.readTree(response.body());
		assertThat(stock.get("available").asInt()).as("%s available", sku).isEqualTo(available);
		assertThat(stock.get("reserved").asInt()).as("%s reserved", sku).isEqualTo(reserved);
	}

	private static OrderLine line(String sku, int quantity, String unitPrice) {
		return new OrderLine(sku, quantity, new BigDecimal(unitPrice));
	}

}
