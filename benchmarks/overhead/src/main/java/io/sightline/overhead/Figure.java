package io.sightline.overhead;

import java.util.function.ToDoubleFunction;

/** The figures compared across variants, in report units. */
enum Figure {

	THROUGHPUT("max throughput", "req/s", "%,.0f", true, VariantRun::throughputPerSecond),

	P50("latency p50", "ms", "%.2f", false, VariantRun::p50Millis),

	P99("latency p99", "ms", "%.2f", false, VariantRun::p99Millis),

	P999("latency p99.9", "ms", "%.2f", false, VariantRun::p999Millis),

	CPU_PER_REQUEST("CPU per request, open loop", "µs", "%.0f", false, VariantRun::cpuMicrosPerRequest),

	CLOSED_LOOP_CPU_PER_REQUEST("CPU per request, closed loop", "µs", "%.0f", false,
			VariantRun::closedLoopCpuMicrosPerRequest),

	ALLOCATION_PER_REQUEST("allocation per request", "KiB", "%.1f", false,
			(run) -> run.allocatedBytesPerRequest() / 1024.0),

	STARTUP("startup to healthy", "s", "%.2f", false, (run) -> run.startupMillis() / 1000.0),

	RSS("RSS after warm-up", "MB", "%.0f", false, (run) -> run.rssBytes() / 1e6);

	private final String label;

	private final String unit;

	private final String format;

	private final boolean higherIsBetter;

	private final ToDoubleFunction<VariantRun> value;

	Figure(String label, String unit, String format, boolean higherIsBetter, ToDoubleFunction<VariantRun> value) {
		this.label = label;
		this.unit = unit;
		this.format = format;
		this.higherIsBetter = higherIsBetter;
		this.value = value;
	}

	String label() {
		return this.label;
	}

	String unit() {
		return this.unit;
	}

	boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	double of(VariantRun run) {
		return this.value.applyAsDouble(run);
	}

	String format(double value) {
		return String.format(java.util.Locale.ROOT, this.format, value);
	}

}
