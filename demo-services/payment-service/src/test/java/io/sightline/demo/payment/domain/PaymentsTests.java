package io.sightline.demo.payment.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.sightline.demo.payment.persistence.InMemoryDecisionStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsTests {

	private final List<PaymentDecision> published = new ArrayList<>();

	private final Payments payments = new Payments(new PaymentPolicy(new BigDecimal("1000")),
			new InMemoryDecisionStore(100), this.published::add,
			Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void decidesRemembersAndPublishes() {
		PaymentDecision decision = this.payments.handle(new PaymentRequest("o-1", "c-1", new BigDecimal("10")));
		assertThat(decision.authorized()).isTrue();
		assertThat(this.published).containsExactly(decision);
		assertThat(this.payments.find("o-1")).contains(decision);
	}

	@Test
	void aRedeliveryGetsTheSameDecisionPublishedAgain() {
		PaymentDecision first = this.payments.handle(new PaymentRequest("o-2", "c-1", new BigDecimal("2000")));
		// even if the redelivered event differed, the order keeps its first decision
		PaymentDecision second = this.payments.handle(new PaymentRequest("o-2", "c-1", new BigDecimal("20")));
		assertThat(first.authorized()).isFalse();
		assertThat(second).isEqualTo(first);
		assertThat(this.published).containsExactly(first, first);
	}

	@Test
	void unknownOrdersAreNotFound() {
		assertThat(this.payments.find("nope")).isEmpty();
	}

}
