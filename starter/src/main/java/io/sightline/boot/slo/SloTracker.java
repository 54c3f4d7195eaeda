package io.sightline.boot.slo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.slo.AlertWindow;
import io.sightline.slo.Objective;
import io.sightline.slo.spec.SloSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SLO: its sample history and its last computed {@link SloState}. */
final class SloTracker {

	private static final Logger logger = LoggerFactory.getLogger(SloTracker.class);

	private final String name;

	private final Objective objective;

	private final SliCounter counter;

	private final Duration period;

	private final SampleHistory history;

	private volatile SloState state;

	SloTracker(SloSpec.Slo slo, SliCounter counter, Duration period, Duration interval) {
		this.name = slo.name();
		this.objective = slo.objective();
		this.counter = counter;
		this.period = period;
		this.history = new SampleHistory(SloWindows.LONGEST, interval);
		this.state = new SloState(this.name, this.objective, Map.of(), Map.of(), false, 0);
	}

	String name() {
		return this.name;
	}

	SloState state() {
		return this.state;
	}

	/** Reads the counts, adds a sample and recomputes the state. */
	void sample(MeterRegistry registry, long timeMillis) {
		SliCounter.Counts counts = this.counter.count(registry);
		if (this.history.add(timeMillis, counts.bad(), counts.total())) {
			logger.debug("SLO {}: counts went down (a meter was removed?); its burn-rate history restarts", this.name);
		}
		Map<Duration, Double> ratios = new HashMap<>();
		Map<Duration, Double> burnRates = new HashMap<>();
		for (Duration window : SloWindows.MEASURED) {
			double ratio = this.history.errorRatio(window);
			ratios.put(window, ratio);
			burnRates.put(window, this.objective.burnRate(ratio));
		}
		boolean burning = false;
		for (AlertWindow page : SloWindows.PAGE) {
			burning |= page.isBurning(this.period, burnRates.get(page.longWindow()), burnRates.get(page.shortWindow()));
		}
		this.state = new SloState(this.name, this.objective, ratios, burnRates, burning, this.history.size());
	}

}
