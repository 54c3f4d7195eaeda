package io.sightline.demo.order;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP: 201 with Location, the full order view, 404, and 400s that explain. */
@OrderServiceIntegrationTest
class OrderApiIT {

	private static final String VALID = """
			{"customerId": "c-42", "lines": [
			  {"sku": "SKU-1", "quantity": 2, "unitPrice": 19.9},
			  {"sku": "SKU-2", "quantity": 1, "unitPrice": 5}
			]}""";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void placesAnOrderAndAnswers201WithItsLocation() throws Exception {
		Http.Response created = this.http.post("/orders", VALID);

		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(created.header("Location")).isEqualTo("http://127.0.0.1:" + this.port + "/orders/" + id);

		Http.Response read = this.http.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		JsonNode order = read.json();
		assertThat(order.propertyNames()).containsExactly("id", "customerId", "status", "paymentStatus",
				"stockStatus", "reason", "amount", "lines", "createdAt", "updatedAt");
		assertThat(order.get("id").asString()).isEqualTo(id);
		assertThat(order.get("customerId").asString()).isEqualTo("c-42");
		assertThat(order.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.get("paymentStatus").asString()).isEqualTo("PENDING");
		assertThat(order.get("stockStatus").asString()).isEqualTo("PENDING");
		assertThat(order.get("reason").isNull()).isTrue();
		assertThat(read.raw().body()).contains("\"amount\":44.80");
		assertThat(order.get("lines")).hasSize(2);
		assertThat(order.get("lines").get(0).get("sku").asString()).isEqualTo("SKU-1");
		assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(new BigDecimal(order.get("lines").get(0).get("unitPrice").asString())).isEqualByComparingTo("19.90");
		assertThat(order.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(order.get("updatedAt").asString()).isEqualTo(order.get("createdAt").asString());
	}

	@Test
	void anUnknownOrderIs404() throws Exception {
		Http.Response response = this.http.get("/orders/no-such-order");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("Order no-such-order not found");
	}

	@Test
	void aMissingCustomerIs400() throws Exception {
		assertRejected("""
				{"lines": [{"sku": "SKU-1", "quantity": 1, "unitPrice": 1}]}""", "customerId is required");
	}

	@Test
	void anOrderWithoutLinesIs400() throws Exception {
		assertRejected("""
				{"customerId": "c-1", "lines": []}""", "lines must contain at least one line");
		assertRejected("""
				{"customerId": "c-1"}""", "lines must contain at least one line");
	}

	@Test
	void aQuantityBelowOneIs400() throws Exception {
		assertRejected("""
				{"customerId": "c-1", "lines": [{"sku": "SKU-1", "quantity": 0, "unitPrice": 1}]}""",
				"lines[0].quantity must be at least 1");
	}

	@Test
	void aNegativePriceIs400() throws Exception {
		assertRejected("""
				{"customerId": "c-1", "lines": [{"sku": "SKU-1", "quantity": 1, "unitPrice": -1}]}""",
				"lines[0].unitPrice must be at least 0");
	}

	@Test
	void everyViolationIsListed() throws Exception {
		Http.Response response = this.http.post("/orders", """
				{"lines": [{"quantity": 0}]}""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("violations").valueStream().map(JsonNode::asString)).containsExactly(
				"customerId is required", "lines[0].sku is required", "lines[0].quantity must be at least 1",
				"lines[0].unitPrice is required");
	}

	@Test
	void anUnreadableBodyIs400() throws Exception {
		for (String body : new String[] { "{not json", "", "{\"customerId\": \"c-1\", \"lines\": [{\"quantity\": \"two\"}]}" }) {
			Http.Response response = this.http.post("/orders", body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).as(body)
				.startsWith("Request body is missing or is not a valid order; expected {\"customerId\"");
		}
	}

	private void assertRejected(String body, String violation) throws Exception {
		Http.Response response = this.http.post("/orders", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("title").asString()).isEqualTo("Invalid order");
		assertThat(problem.get("detail").asString()).isEqualTo("Invalid order: " + violation);
		assertThat(problem.get("violations").valueStream().map(JsonNode::asString)).containsExactly(violation);
	}

}
