package io.sightline.demo.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.sightline.demo.order.domain.Order.RequestedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderTests {

	private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456789Z");

	@Test
	void placesAPendingOrderWithItsAmount() {
		Order order = Order.place("o-1", " c-1 ", List.of(new RequestedLine("SKU-1", 2, new BigDecimal("19.9")),
				new RequestedLine("SKU-2", 1, new BigDecimal("0"))), NOW);

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(order.stockStatus()).isEqualTo(StockStatus.PENDING);
		assertThat(order.customerId()).isEqualTo("c-1");
		assertThat(order.amount()).isEqualTo(new BigDecimal("39.80"));
		assertThat(order.lines()).containsExactly(new LineItem("SKU-1", 2, new BigDecimal("19.90")),
				new LineItem("SKU-2", 1, new BigDecimal("0.00")));
		assertThat(order.reason()).isNull();
		assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
		assertThat(order.updatedAt()).isEqualTo(order.createdAt());
	}

	@Test
	void rejectsAMissingCustomerAndMissingLines() {
		assertThat(violations(null, null)).containsExactly("customerId is required",
				"lines must contain at least one line");
		assertThat(violations(" ", List.of())).containsExactly("customerId is required",
				"lines must contain at least one line");
	}

	@Test
	void namesEveryBadFieldOfEveryLine() {
		List<RequestedLine> lines = new ArrayList<>();
		lines.add(new RequestedLine("A", 0, new BigDecimal("-0.01")));
		lines.add(null);
		lines.add(new RequestedLine(null, null, null));
		lines.add(new RequestedLine("B", 1, new BigDecimal("1.001")));
		lines.add(new RequestedLine("C", Order.MAX_QUANTITY + 1, Order.MAX_UNIT_PRICE.add(BigDecimal.ONE)));
		lines.add(new RequestedLine("x".repeat(Order.MAX_SKU_LENGTH + 1), 1, BigDecimal.ONE));

		assertThat(violations("c-1", lines)).containsExactly("lines[0].quantity must be at least 1",
				"lines[0].unitPrice must be at least 0", "lines[1] is required", "lines[2].sku is required",
				"lines[2].quantity is required", "lines[2].unitPrice is required",
				"lines[3].unitPrice must have at most 2 decimal places", "lines[4].quantity must be at most 10000",
				"lines[4].unitPrice must be at most 1000000", "lines[5].sku must be at most 64 characters");
	}

	@Test
	void boundsTheSizeOfAnOrder() {
		List<RequestedLine> many = Collections.nCopies(Order.MAX_LINES + 1, new RequestedLine("A", 1, BigDecimal.ONE));
		assertThat(violations("x".repeat(Order.MAX_CUSTOMER_ID_LENGTH + 1), many)).containsExactly(
				"customerId must be at most 100 characters", "lines must contain at most 100 lines");
	}

	@Test
	void theMessageListsEveryViolation() {
		InvalidOrderException ex = catchThrowableOfType(InvalidOrderException.class,
				() -> Order.place("o-1", null, List.of(new RequestedLine("A", 0, BigDecimal.ONE)), NOW));
		assertThat(ex).hasMessage("Invalid order: customerId is required; lines[0].quantity must be at least 1");
	}

	private static List<String> violations(String customerId, List<RequestedLine> lines) {
		InvalidOrderException ex = catchThrowableOfType(InvalidOrderException.class,
				() -> Order.place("o-1", customerId, lines, NOW));
		assertThat(ex).as("expected the order to be rejected").isNotNull();
		return ex.violations();
	}

}
