package io.sightline.overhead.app;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * One order placement: read the product (H2), ask the downstream rate service for the exchange rate
 * (HTTP), write the order (H2), log one line, answer JSON. No hot row is updated: lock waits would make
 * the cost per request depend on concurrency, and so on the variant's latency.
 */
@RestController
class OrderController {

	/** Orders overwrite these many slots, so the table (and the heap) stays the same size however long the run. */
	static final int ORDER_SLOTS = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

	private final JdbcTemplate jdbc;

	private final RestClient rates;

	private final AtomicLong orderNumbers = new AtomicLong();

	OrderController(JdbcTemplate jdbc, RestClient.Builder restClient,
			@Value("${overhead.downstream-url}") String downstreamUrl) {
		this.jdbc = jdbc;
		this.rates = restClient.baseUrl(downstreamUrl).build();
	}

	@PostMapping("/orders")
	OrderConfirmation place(@RequestBody OrderRequest request) {
		Product product = this.jdbc
			.query("SELECT sku, name, price_cents FROM product WHERE sku = ?",
					(row, index) -> new Product(row.getString(1), row.getString(2), row.getLong(3)), request.sku())
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown sku"));
		ExchangeRate rate = this.rates.get().uri("/rates/{currency}", request.currency()).retrieve().body(ExchangeRate.class);
		long orderNumber = this.orderNumbers.incrementAndGet();
		String orderId = "o-" + orderNumber;
		long totalCents = Math.round(product.priceCents() * request.quantity() * rate.rate());
		this.jdbc.update("MERGE INTO orders (slot, order_id, customer_id, sku, quantity, total_cents) KEY (slot) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", orderNumber % ORDER_SLOTS, orderId, request.customerId(), product.sku(),
				request.quantity(), totalCents);
		logger.info("Order {} placed for customer {}: {} x {} for {} {} cents", orderId, request.customerId(),
				request.quantity(), product.name(), totalCents, rate.currency());
		return new OrderConfirmation(orderId, request.customerId(), product.sku(), request.quantity(), totalCents,
				rate.currency());
	}

	record OrderRequest(String customerId, String sku, int quantity, String currency) {
	}

	record OrderConfirmation(String orderId, String customerId, String sku, int quantity, long totalCents,
			String currency) {
	}

	record Product(String sku, String name, long priceCents) {
	}

	record ExchangeRate(String currency, double rate) {
	}

}
