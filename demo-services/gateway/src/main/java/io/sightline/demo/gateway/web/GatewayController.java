package io.sightline.demo.gateway.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.sightline.demo.gateway.downstream.Downstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The BFF API: the catalog, placing an order (priced from the catalog), and one order with its payment
 * and stock status. Every downstream failure has a fallback that answers fast.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class GatewayController {

	private static final Logger logger = LoggerFactory.getLogger(GatewayController.class);

	private final Downstream orders;

	private final Downstream payments;

	private final Downstream inventory;

	/** Last catalog that was read: the fallback while inventory-service is unavailable. */
	private final AtomicReference<JsonNode> lastCatalog = new AtomicReference<>();

	public GatewayController(@Qualifier("orderService") Downstream orders,
			@Qualifier("paymentService") Downstream payments, @Qualifier("inventoryService") Downstream inventory) {
		this.orders = orders;
		this.payments = payments;
		this.inventory = inventory;
	}

	@GetMapping("/catalog")
	public ResponseEntity<JsonNode> catalog() {
		JsonNode catalog = this.inventory.call(() -> {
			JsonNode fresh = this.inventory.client().get().uri("/catalog").retrieve().body(JsonNode.class);
			this.lastCatalog.set(fresh);
			return fresh;
		}, true, (failure) -> null);
		if (catalog != null) {
			return ResponseEntity.ok(catalog);
		}
		JsonNode cached = this.lastCatalog.get();
		if (cached != null) {
			logger.warn("inventory-service unavailable, serving the last known catalog");
			return ResponseEntity.ok().header("X-Degraded", "inventory-service").body(cached);
		}
		return unavailable("inventory-service");
	}

	@PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<?> placeOrder(@RequestBody PlaceOrderRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return ResponseEntity.badRequest().body(Map.of("error", String.join("; ", problems)));
		}
		Map<String, BigDecimal> prices = prices();
		if (prices == null) {
			return unavailable("inventory-service");
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (PlaceOrderRequest.Line line : request.lines()) {
			BigDecimal price = prices.get(line.sku());
			if (price == null) {
				return ResponseEntity.badRequest().body(Map.of("error", "unknown sku " + line.sku()));
			}
			lines.add(Map.of("sku", line.sku(), "quantity", line.quantity(), "unitPrice", price));
		}
		Map<String, Object> order = Map.of("customerId", request.customerId(), "lines", lines);
		// not retried: placing an order is not idempotent
		JsonNode placed = this.orders.call(() -> this.orders.client()
			.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(order)
			.retrieve()
			.body(JsonNode.class), false, (failure) -> null);
		if (placed == null) {
			return unavailable("order-service");
		}
		logger.info("order {} placed for customer {}", placed.path("id").asString(""), request.customerId());
		return ResponseEntity.status(HttpStatus.CREATED).body(placed);
	}

	@GetMapping("/orders/{id}")
	public ResponseEntity<?> order(@PathVariable String id) {
		JsonNode order;
		try {
			order = this.orders.call(() -> this.orders.client().get().uri("/orders/{id}", id).retrieve().body(JsonNode.class),
					true, (failure) -> {
						if (failure instanceof HttpClientErrorException.NotFound notFound) {
							throw notFound;
						}
						return null;
					});
		}
		catch (HttpClientErrorException.NotFound ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no order " + id));
		}
		if (order == null) {
			return unavailable("order-service");
		}
		JsonNode payment = this.payments.call(
				() -> this.payments.client().get().uri("/payments/{id}", id).retrieve().body(JsonNode.class), true,
				(failure) -> null);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("order", order);
		view.put("payment", (payment != null) ? payment : Map.of("status", "UNKNOWN"));
		view.put("stock", Map.of("status", order.path("stockStatus").asString("UNKNOWN")));
		return ResponseEntity.ok(view);
	}

	private Map<String, BigDecimal> prices() {
		ResponseEntity<JsonNode> catalog = catalog();
		if (!catalog.getStatusCode().is2xxSuccessful() || catalog.getBody() == null) {
			return null;
		}
		Map<String, BigDecimal> prices = new HashMap<>();
		for (JsonNode item : catalog.getBody()) {
			prices.put(item.path("sku").asString(), item.path("price").decimalValue());
		}
		return prices;
	}

	private static <T> ResponseEntity<T> unavailable(String dependency) {
		@SuppressWarnings("unchecked")
		T body = (T) Map.of("error", dependency + " is unavailable, try again shortly");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
	}

}
