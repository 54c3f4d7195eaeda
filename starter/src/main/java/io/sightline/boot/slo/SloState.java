package io.sightline.boot.slo;

import java.time.Duration;
import java.util.Map;

import io.sightline.slo.Objective;

/**
 * One SLO as last sampled: immutable, so gauges and the health indicator read it without computing.
 *
 * @param name the SLO's name in the spec
 * @param objective its objective
 * @param errorRatios error ratio per window
 * @param burnRates burn rate per window ({@link Objective#burnRate(double)} of the ratio)
 * @param burning whether a page condition holds ({@link io.sightline.slo.AlertWindow#isBurning})
 * @param samples samples in the history
 */
public record SloState(String name, Objective objective, Map<Duration, Double> errorRatios,
		Map<Duration, Double> burnRates, boolean burning, int samples) {

	public SloState {
		errorRatios = Map.copyOf(errorRatios);
		burnRates = Map.copyOf(burnRates);
	}

	/** The error ratio over a window, 0 when not measured (yet). */
	public double errorRatio(Duration window) {
		return this.errorRatios.getOrDefault(window, 0.0);
	}

	/** The burn rate over a window, 0 when not measured (yet). */
	public double burnRate(Duration window) {
		return this.burnRates.getOrDefault(window, 0.0);
	}

}
