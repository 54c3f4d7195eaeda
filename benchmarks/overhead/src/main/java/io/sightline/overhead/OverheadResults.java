package io.sightline.overhead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Every variant run of a harness run, with medians over rounds and the ratios between variants. */
public final class OverheadResults {

	private final List<VariantRun> runs = new ArrayList<>();

	private double arrivalRate;

	private long wallNanos;

	void add(VariantRun run) {
		this.runs.add(run);
	}

	void arrivalRate(double arrivalRate) {
		this.arrivalRate = arrivalRate;
	}

	void wallNanos(long wallNanos) {
		this.wallNanos = wallNanos;
	}

	/** The open loop's arrival rate (requests per second), the same for every variant and round. */
	public double arrivalRate() {
		return this.arrivalRate;
	}

	public long wallNanos() {
		return this.wallNanos;
	}

	public List<VariantRun> runs() {
		return Collections.unmodifiableList(this.runs);
	}

	/** The variants measured, in the order they ran. */
	public List<Variant> variants() {
		return this.runs.stream().map(VariantRun::variant).distinct().toList();
	}

	public List<VariantRun> runs(Variant variant) {
		return this.runs.stream().filter((run) -> run.variant() == variant).toList();
	}

	double median(Variant variant, Figure figure) {
		return median(variant, figure::of);
	}

	double median(Variant variant, ToDoubleFunction<VariantRun> value) {
		// rounds that did not measure a figure (the calibration round's open loop) give NaN and are left out
		double[] values = runs(variant).stream().mapToDouble(value).filter((v) -> !Double.isNaN(v)).sorted().toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/** Median of {@code variant} over median of {@code base}. */
	double ratio(Variant variant, Variant base, Figure figure) {
		return median(variant, figure) / median(base, figure);
	}

}
