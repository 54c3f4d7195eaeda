package io.sightline.boot.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CardinalityGuardTests {

	@Test
	void tenThousandValuesStayUnderTheCapAndTheRestAreCounted() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		CardinalityGuard guard = new CardinalityGuard(registry, 1000);
		registry.config().meterFilter(guard);
		for (int i = 0; i < 10_000; i++) {
			registry.counter("orders.placed", "customer", "c-" + i).increment();
		}
		assertThat(registry.find("orders.placed").counters()).hasSize(1000);
		assertThat(guard.admitted("orders.placed")).isEqualTo(1000);
		io.micrometer.core.instrument.FunctionCounter denied = registry.get(CardinalityGuard.DENIED_METER)
			.tag("meter", "orders.placed")
			.functionCounter();
		assertThat(denied.count()).isEqualTo(9000);
	}

	@Test
	void existingSeriesKeepWorkingPastTheCap() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new CardinalityGuard(registry, 2));
		registry.counter("hits", "k", "a").increment();
		registry.counter("hits", "k", "b").increment();
		registry.counter("hits", "k", "c").increment();
		registry.counter("hits", "k", "a").increment();
		assertThat(registry.get("hits").tag("k", "a").counter().count()).isEqualTo(2);
		assertThat(registry.find("hits").tag("k", "c").counter()).isNull();
	}

	@Test
	void otherMetersAreUnaffected() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new CardinalityGuard(registry, 1));
		registry.counter("a", "k", "1");
		registry.counter("a", "k", "2");
		registry.counter("b", "k", "1");
		assertThat(registry.find("b").counters()).hasSize(1);
	}

	@Test
	void memoryStaysBoundedForUnboundedMeterNames() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		CardinalityGuard guard = new CardinalityGuard(registry, 10);
		registry.config().meterFilter(guard);
		for (int i = 0; i < CardinalityGuard.MAX_TRACKED_NAMES + 500; i++) {
			registry.counter("dynamic." + i);
		}
		assertThat(registry.get(CardinalityGuard.DENIED_METER).tag("meter", CardinalityGuard.OVERFLOW_NAME)
			.functionCounter()
			.count()).isEqualTo(500);
	}

	@Test
	void rejectsANonPositiveCapNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CardinalityGuard(new SimpleMeterRegistry(), 0))
			.withMessageContaining("sightline.metrics.max-series-per-meter");
	}

}
