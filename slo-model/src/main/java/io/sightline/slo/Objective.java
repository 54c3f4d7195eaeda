package io.sightline.slo;

/**
 * An SLO's objective, as a percentage of good events, e.g. 99.9.
 *
 * @param percent strictly between 0 and 100
 */
public record Objective(double percent) {

	public Objective {
		if (!(percent > 0 && percent < 100)) {
			throw new IllegalArgumentException("objective must be strictly between 0 and 100, was " + percent);
		}
	}

	/** The share of events allowed to be bad: 0.001 for 99.9 %. */
	public double errorBudget() {
		return (100.0 - this.percent) / 100.0;
	}

	/**
	 * How fast the budget burns at this error ratio: 1 spends exactly the budget over the SLO period,
	 * 14.4 spends 2 % of a 30-day budget in one hour.
	 */
	public double burnRate(double errorRatio) {
		if (Double.isNaN(errorRatio) || errorRatio < 0) {
			throw new IllegalArgumentException("error ratio must be 0 or more, was " + errorRatio);
		}
		return errorRatio / errorBudget();
	}

}
