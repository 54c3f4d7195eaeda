package io.sightline.boot.slo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleHistoryTests {

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	private static final Duration HOUR = Duration.ofHours(1);

	private final SampleHistory history = new SampleHistory(HOUR, Duration.ofSeconds(10));

	@Test
	void emptyOrSingleSampleHasNoRatio() {
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isZero();
		this.history.add(0, 5, 10);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isZero();
	}

	@Test
	void ratioIsTheIncreaseOfBadOverTheIncreaseOfTotal() {
		this.history.add(0, 100, 1000);
		this.history.add(10_000, 110, 1100);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isCloseTo(0.1, within(1e-12));
	}

	@Test
	void noTrafficIsRatioZero() {
		this.history.add(0, 7, 70);
		this.history.add(10_000, 7, 70);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isZero();
	}

	@Test
	void windowStartsAtTheNewestSampleAtOrBeforeItsStart() {
		// minute by minute: 10 requests per minute, errors only in the first minute
		this.history.add(0, 0, 0);
		this.history.add(60_000, 10, 10);
		for (int minute = 2; minute <= 7; minute++) {
			this.history.add(minute * 60_000L, 10, minute * 10);
		}
		// at 7m the 5m window starts at the 2m sample: no errors since
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isZero();
		// the 1h window is longer than the history: from the oldest sample, like rate() over partial data
		assertThat(this.history.errorRatio(HOUR)).isCloseTo(10.0 / 70, within(1e-12));
	}

	@Test
	void keepsTheLongestWindowPlusOneSampleAndNoMore() {
		for (int i = 0; i <= 1000; i++) {
			this.history.add(i * 10_000L, 0, i);
		}
		// 1h at 10s is 360 intervals, so 361 samples reach back exactly 1h
		assertThat(this.history.size()).isEqualTo(361);
		assertThat(this.history.span()).isEqualTo(HOUR);
		assertThat(this.history.errorRatio(HOUR)).isZero();
	}

	@Test
	void ringIsBoundedEvenWhenSampledFasterThanTheInterval() {
		for (int i = 0; i < 10_000; i++) {
			this.history.add(i, 0, i);
		}
		assertThat(this.history.size()).isLessThanOrEqualTo(2 * 360 + 2);
	}

	@Test
	void countsThatGoDownRestartTheHistoryInsteadOfGoingNegative() {
		this.history.add(0, 50, 100);
		this.history.add(10_000, 60, 200);
		// a meter with errors was removed
		assertThat(this.history.add(20_000, 0, 150)).isTrue();
		assertThat(this.history.size()).isEqualTo(1);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isZero();
		this.history.add(30_000, 1, 160);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isCloseTo(0.1, within(1e-12));
	}

	@Test
	void ratioIsClampedToOne() {
		// a snapshot race may count a bad event before the total catches up
		this.history.add(0, 0, 0);
		this.history.add(10_000, 12, 10);
		assertThat(this.history.errorRatio(FIVE_MINUTES)).isEqualTo(1.0);
	}

}
