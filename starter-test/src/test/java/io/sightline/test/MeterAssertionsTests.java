package io.sightline.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static io.sightline.test.MeterAssertions.assertMeter;
import static io.sightline.test.MeterAssertions.assertSeriesAtMost;
import static io.sightline.test.MeterAssertions.awaitMeter;
import static io.sightline.test.MeterAssertions.seriesCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MeterAssertions} against a real registry. */
class MeterAssertionsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void assertMeterReturnsTheMeterWithTheTags() {
		Counter counter = this.registry.counter("orders.placed", "application", "shop", "channel", "web");
		this.registry.counter("orders.placed", "application", "shop", "channel", "app");

		Meter meter = assertMeter(this.registry, "orders.placed", "channel", "web");

		assertThat(meter).isSameAs(counter);
		assertThat(assertMeter(this.registry, "orders.placed")).isNotNull();
	}

	@Test
	void assertMeterFailsListingTheExistingSeries() {
		this.registry.counter("orders.placed", "application", "shop", "channel", "web");

		assertThatThrownBy(() -> assertMeter(this.registry, "orders.placed", "channel", "phone"))
			.isInstanceOf(AssertionError.class)
			.hasMessage("Expected meter 'orders.placed' with tags {channel=phone}, but none of its 1 series matches: "
					+ "[{application=shop, channel=web}]");
	}

	@Test
	void assertMeterFailsWhenNoMeterHasTheName() {
		assertThatThrownBy(() -> assertMeter(this.registry, "orders.placed", "application", "shop"))
			.isInstanceOf(AssertionError.class)
			.hasMessage("Expected meter 'orders.placed' with tags {application=shop}, "
					+ "but no meter named 'orders.placed' is registered");
	}

	@Test
	void tagsMustComeInPairs() {
		assertThatIllegalArgumentException().isThrownBy(() -> assertMeter(this.registry, "orders.placed", "channel"))
			.withMessageContaining("key/value pairs");
	}

	@Test
	void seriesCountCountsTagCombinations() {
		assertThat(seriesCount(this.registry, "orders.placed")).isZero();
		this.registry.counter("orders.placed", "channel", "web").increment();
		this.registry.counter("orders.placed", "channel", "web").increment();
		this.registry.counter("orders.placed", "channel", "app").increment();
		this.registry.counter("orders.cancelled", "channel", "app").increment();

		assertThat(seriesCount(this.registry, "orders.placed")).isEqualTo(2);
		assertSeriesAtMost(this.registry, "orders.placed", 2);
	}

	@Test
	void assertSeriesAtMostFailsListingTheSeries() {
		this.registry.counter("orders.placed", "user", "alice");
		this.registry.counter("orders.placed", "user", "bob");

		assertThatThrownBy(() -> assertSeriesAtMost(this.registry, "orders.placed", 1))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Expected at most 1 series of meter 'orders.placed' but found 2: ")
			.hasMessageContaining("{user=alice}")
			.hasMessageContaining("{user=bob}");
	}

	@Test
	void longListingsAreCut() {
		for (int i = 0; i < 25; i++) {
			this.registry.counter("orders.placed", "user", "u" + i);
		}

		assertThatThrownBy(() -> assertSeriesAtMost(this.registry, "orders.placed", 10))
			.isInstanceOf(AssertionError.class)
			.hasMessageEndingWith(" and 5 more");
	}

	@Test
	void awaitMeterWaitsForAMeterRecordedLater() throws Exception {
		CompletableFuture<Void> later = CompletableFuture.runAsync(
				() -> this.registry.counter("orders.placed", "channel", "web").increment(),
				CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

		Meter meter = awaitMeter(this.registry, Duration.ofSeconds(5), "orders.placed", "channel", "web");

		assertThat(meter.getId().getTag("channel")).isEqualTo("web");
		later.get(5, TimeUnit.SECONDS);
	}

	@Test
	void awaitMeterFailsAfterTheTimeout() {
		assertThatThrownBy(() -> awaitMeter(this.registry, Duration.ofMillis(100), "orders.placed"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("no meter named 'orders.placed'")
			.hasMessageContaining("waited PT0.1S");
	}

}
