package io.sightline.boot.slo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MockClock;

/**
 * A clock the test moves: one {@link java.time.Clock} for the sampler and, in step with it, a
 * Micrometer {@link MockClock} for the registry (so histograms that would rotate with time do so).
 */
final class ManualClock extends Clock {

	private final MockClock meterClock = new MockClock();

	private Instant now = Instant.parse("2025-01-01T00:00:00Z");

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
		this.meterClock.add(duration);
	}

	MockClock meterClock() {
		return this.meterClock;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
