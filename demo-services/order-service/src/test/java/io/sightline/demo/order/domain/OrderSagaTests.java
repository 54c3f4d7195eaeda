package io.sightline.demo.order.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.sightline.demo.order.domain.Order.RequestedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga state machine: every order of arrival, duplicates, late results, the timeout. */
class OrderSagaTests {

	private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

	private static Order pending() {
		return Order.place("o-1", "c-1", List.of(new RequestedLine("SKU-1", 1, BigDecimal.TEN)), T0);
	}

	/** One saga input, named for the test report. */
	record Input(String name, BiFunction<Order, Instant, SagaTransition> apply) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static final Input AUTHORIZED = new Input("payment authorized", (o, t) -> o.applyPayment(true, null, t));

	static final Input DECLINED = new Input("payment declined", (o, t) -> o.applyPayment(false, "amount limit", t));

	static final Input RESERVED = new Input("stock reserved", (o, t) -> o.applyStock(true, null, t));

	static final Input REJECTED = new Input("stock rejected", (o, t) -> o.applyStock(false, "out of stock", t));

	static final Input TIMEOUT = new Input("timeout", Order::timeOut);

	static Stream<Arguments> bothResultsInEitherOrder() {
		List<Arguments> cases = new ArrayList<>();
		for (Input payment : List.of(AUTHORIZED, DECLINED)) {
			for (Input stock : List.of(RESERVED, REJECTED)) {
				cases.add(Arguments.of(payment, stock));
				cases.add(Arguments.of(stock, payment));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, then {1}")
	@MethodSource("bothResultsInEitherOrder")
	void theOrderOfArrivalDoesNotChangeTheOutcome(Input first, Input second) {
		Order order = pending();
		SagaTransition afterFirst = first.apply().apply(order, T0.plusSeconds(1));
		SagaTransition afterSecond = second.apply().apply(order, T0.plusSeconds(2));

		boolean paymentOk = first == AUTHORIZED || second == AUTHORIZED;
		boolean stockOk = first == RESERVED || second == RESERVED;
		assertThat(order.paymentStatus()).isEqualTo(paymentOk ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED);
		assertThat(order.stockStatus()).isEqualTo(stockOk ? StockStatus.RESERVED : StockStatus.REJECTED);
		assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(2));
		if (paymentOk && stockOk) {
			assertThat(afterFirst).isEqualTo(SagaTransition.RECORDED);
			assertThat(afterSecond).isEqualTo(SagaTransition.CONFIRMED);
			assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
			assertThat(order.reason()).isNull();
			return;
		}
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		boolean firstIsNegative = first == DECLINED || first == REJECTED;
		if (firstIsNegative) {
			// the first negative decides; what follows is only recorded, or released if it was a reservation
			assertThat(afterFirst).isEqualTo(SagaTransition.CANCELLED);
			assertThat(afterSecond).isEqualTo((second == RESERVED) ? SagaTransition.LATE_RESERVATION_RELEASED
					: SagaTransition.RECORDED_LATE);
			assertThat(order.reason()).isEqualTo((first == DECLINED) ? "payment declined: amount limit"
					: "stock rejected: out of stock");
		}
		else {
			assertThat(afterFirst).isEqualTo(SagaTransition.RECORDED);
			assertThat(afterSecond).isEqualTo(SagaTransition.CANCELLED);
			assertThat(order.reason()).isEqualTo((second == DECLINED) ? "payment declined: amount limit"
					: "stock rejected: out of stock");
		}
	}

	@Test
	void aNegativeResultCancelsAtOnceAndAsksForCompensation() {
		Order order = pending();
		SagaTransition transition = order.applyPayment(false, null, T0);

		assertThat(transition).isEqualTo(SagaTransition.CANCELLED);
		assertThat(transition.compensates()).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo("payment declined");
		assertThat(order.stockStatus()).isEqualTo(StockStatus.PENDING);
	}

	@Test
	void duplicatesAreIgnored() {
		Order order = pending();
		assertThat(order.applyPayment(true, null, T0)).isEqualTo(SagaTransition.RECORDED);
		assertThat(order.applyPayment(true, null, T0)).isEqualTo(SagaTransition.IGNORED);
		// a contradicting repeat does not win either: the first decision stands
		assertThat(order.applyPayment(false, "changed its mind", T0)).isEqualTo(SagaTransition.IGNORED);
		assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

		assertThat(order.applyStock(true, null, T0)).isEqualTo(SagaTransition.CONFIRMED);
		assertThat(order.applyStock(true, null, T0)).isEqualTo(SagaTransition.IGNORED);
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
	}

	@Test
	void aConfirmedOrderStaysConfirmed() {
		Order order = pending();
		order.applyStock(true, null, T0);
		order.applyPayment(true, null, T0);

		for (Input input : List.of(AUTHORIZED, DECLINED, RESERVED, REJECTED, TIMEOUT)) {
			assertThat(input.apply().apply(order, T0.plusSeconds(60))).as(input.name()).isEqualTo(SagaTransition.IGNORED);
		}
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(order.stockStatus()).isEqualTo(StockStatus.RESERVED);
		assertThat(order.updatedAt()).isEqualTo(T0);
	}

	@Test
	void aCancelledOrderStaysCancelled() {
		Order order = pending();
		order.applyStock(false, "out of stock", T0);

		for (Input input : List.of(AUTHORIZED, DECLINED, RESERVED, REJECTED, TIMEOUT)) {
			input.apply().apply(order, T0.plusSeconds(60));
			assertThat(order.status()).as(input.name()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(order.reason()).as(input.name()).isEqualTo("stock rejected: out of stock");
		}
	}

	@Test
	void theTimeoutCancelsAPendingOrder() {
		Order order = pending();
		order.applyPayment(true, null, T0.plusSeconds(1));

		SagaTransition transition = order.timeOut(T0.plus(Duration.ofSeconds(10)));

		assertThat(transition).isEqualTo(SagaTransition.CANCELLED);
		assertThat(transition.compensates()).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo(Order.TIMEOUT_REASON);
		assertThat(order.timeOut(T0.plusSeconds(20))).isEqualTo(SagaTransition.IGNORED);
	}

	@Test
	void resultsAfterTheTimeoutAreRecordedAndALateReservationIsReleased() {
		Order order = pending();
		order.timeOut(T0.plusSeconds(10));

		assertThat(order.applyPayment(true, null, T0.plusSeconds(11))).isEqualTo(SagaTransition.RECORDED_LATE);
		SagaTransition lateReservation = order.applyStock(true, null, T0.plusSeconds(12));
		assertThat(lateReservation).isEqualTo(SagaTransition.LATE_RESERVATION_RELEASED);
		assertThat(lateReservation.compensates()).isTrue();
		// released once: the same reservation redelivered asks for nothing more
		assertThat(order.applyStock(true, null, T0.plusSeconds(13))).isEqualTo(SagaTransition.IGNORED);

		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.reason()).isEqualTo(Order.TIMEOUT_REASON);
		assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(order.stockStatus()).isEqualTo(StockStatus.RESERVED);
	}

	@Test
	void onlyCancellationsCompensateAndOnlyIgnoredInputsLeaveTheOrderUnchanged() {
		for (SagaTransition transition : SagaTransition.values()) {
			assertThat(transition.compensates()).as(transition.name())
				.isEqualTo(transition == SagaTransition.CANCELLED
						|| transition == SagaTransition.LATE_RESERVATION_RELEASED);
			assertThat(transition.changed()).as(transition.name()).isEqualTo(transition != SagaTransition.IGNORED);
		}
	}

	@Test
	void longReasonsFromOtherServicesAreCut() {
		Order order = pending();
		order.applyStock(false, "x".repeat(2 * Order.MAX_REASON_LENGTH), T0);
		assertThat(order.reason()).hasSize(Order.MAX_REASON_LENGTH).startsWith("stock rejected: x");
	}

	@Test
	void updatedAtNeverMovesBackwards() {
		Order order = pending();
		order.applyPayment(true, null, T0.minusSeconds(5));
		assertThat(order.updatedAt()).isEqualTo(T0);
	}

}
