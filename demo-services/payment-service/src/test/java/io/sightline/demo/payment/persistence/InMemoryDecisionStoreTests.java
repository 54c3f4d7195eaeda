package io.sightline.demo.payment.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import io.sightline.demo.payment.domain.PaymentDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryDecisionStoreTests {

	@Test
	void forgetsTheOldestDecisionBeyondItsCapacity() {
		InMemoryDecisionStore store = new InMemoryDecisionStore(3);
		for (int i = 1; i <= 5; i++) {
			store.putIfAbsent(decision("o-" + i));
		}
		assertThat(store.size()).isEqualTo(3);
		assertThat(store.find("o-1")).isEmpty();
		assertThat(store.find("o-2")).isEmpty();
		assertThat(store.find("o-3")).isPresent();
		assertThat(store.find("o-5")).isPresent();
	}

	@Test
	void keepsTheFirstDecisionOfAnOrder() {
		InMemoryDecisionStore store = new InMemoryDecisionStore(3);
		PaymentDecision first = decision("o-1");
		PaymentDecision second = new PaymentDecision("o-1", BigDecimal.ONE, false, "x", Instant.EPOCH);
		assertThat(store.putIfAbsent(first)).isSameAs(first);
		assertThat(store.putIfAbsent(second)).isSameAs(first);
		assertThat(store.find("o-1")).containsSame(first);
	}

	@Test
	void needsACapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryDecisionStore(0));
	}

	private static PaymentDecision decision(String orderId) {
		return new PaymentDecision(orderId, BigDecimal.TEN, true, null, Instant.EPOCH);
	}

}
