package io.sightline.demo.events;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SagaListenersTests {

	private static final Logger log = LoggerFactory.getLogger(SagaListenersTests.class);

	@Test
	void anEventWithAnOrderIdIsHandled(CapturedOutput output) {
		assertThat(SagaListeners.hasOrderId(placed("o-1"), OrderPlaced.class, OrderPlaced::orderId, log)).isTrue();
		assertThat(output.getOut()).doesNotContain("Ignoring");
	}

	@Test
	void anEventWithoutAnOrderIdIsWarnedAboutAndSkipped(CapturedOutput output) {
		OrderPlaced blank = placed(" ");
		assertThat(SagaListeners.hasOrderId(placed(null), OrderPlaced.class, OrderPlaced::orderId, log)).isFalse();
		assertThat(SagaListeners.hasOrderId(blank, OrderPlaced.class, OrderPlaced::orderId, log)).isFalse();
		assertThat(SagaListeners.hasOrderId(null, OrderPlaced.class, OrderPlaced::orderId, log)).isFalse();
		assertThat(output.getOut()).contains("WARN")
			.contains("Ignoring an OrderPlaced without an order id: " + blank)
			.contains("Ignoring an OrderPlaced without an order id: null");
	}

	@Test
	void theOrderPlacedListenerPropertyTypesItsValues() {
		assertThat(SagaListeners.ORDER_PLACED_VALUE_TYPE)
			.isEqualTo("spring.json.value.default.type=" + OrderPlaced.class.getName());
	}

	private static OrderPlaced placed(String orderId) {
		return new OrderPlaced(orderId, "c-1", List.of(new OrderLine("SKU-1", 1, BigDecimal.ONE)), BigDecimal.ONE);
	}

}
