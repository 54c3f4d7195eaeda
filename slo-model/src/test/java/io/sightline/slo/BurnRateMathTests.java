package io.sightline.slo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class BurnRateMathTests {

	@Test
	void thirtyDayFactorsAreTheWorkbooks() {
		List<Double> factors = MultiWindowAlerts.standard()
			.stream()
			.map((window) -> window.factor(MultiWindowAlerts.DEFAULT_PERIOD))
			.toList();
		assertThat(factors).satisfiesExactly((f) -> assertThat(f).isCloseTo(14.4, within(1e-9)),
				(f) -> assertThat(f).isCloseTo(6.0, within(1e-9)), (f) -> assertThat(f).isCloseTo(3.0, within(1e-9)),
				(f) -> assertThat(f).isCloseTo(1.0, within(1e-9)));
	}

	@Test
	void factorsFollowThePeriod() {
		AlertWindow fastPage = MultiWindowAlerts.of(AlertWindow.Severity.PAGE).get(0);
		assertThat(fastPage.factor(Duration.ofDays(28))).isCloseTo(13.44, within(1e-9));
		assertThat(fastPage.factor(Duration.ofDays(7))).isCloseTo(3.36, within(1e-9));
	}

	@Test
	void burnRateIsTheErrorRatioOverTheBudget() {
		Objective objective = new Objective(99.9);
		assertThat(objective.errorBudget()).isCloseTo(0.001, within(1e-12));
		assertThat(objective.burnRate(0.001)).isCloseTo(1.0, within(1e-9));
		assertThat(objective.burnRate(0.0144)).isCloseTo(14.4, within(1e-9));
		assertThat(objective.burnRate(0)).isZero();
	}

	@Test
	void bothWindowsMustBurn() {
		AlertWindow fastPage = MultiWindowAlerts.of(AlertWindow.Severity.PAGE).get(0);
		assertThat(fastPage.isBurning(MultiWindowAlerts.DEFAULT_PERIOD, 20, 20)).isTrue();
		// a burst that is over: the short window has recovered
		assertThat(fastPage.isBurning(MultiWindowAlerts.DEFAULT_PERIOD, 20, 2)).isFalse();
		// a fresh burst not yet significant over the hour
		assertThat(fastPage.isBurning(MultiWindowAlerts.DEFAULT_PERIOD, 5, 50)).isFalse();
	}

	@Test
	void recordedWindowsAreTheSlothOnes() {
		assertThat(MultiWindowAlerts.recordedWindows()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
	}

	@Test
	void invalidInputIsRefusedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Objective(100)).withMessageContaining("objective");
		assertThatIllegalArgumentException().isThrownBy(() -> new Objective(0)).withMessageContaining("objective");
		assertThatIllegalArgumentException().isThrownBy(() -> new Objective(99).burnRate(-1))
			.withMessageContaining("error ratio");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AlertWindow(AlertWindow.Severity.PAGE, Duration.ofMinutes(5), Duration.ofHours(1), 0.02))
			.withMessageContaining("long window");
	}

}
