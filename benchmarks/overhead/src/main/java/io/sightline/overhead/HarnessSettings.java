package io.sightline.overhead;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how often the harness measures, and where it finds its jars and writes its output.
 * Read from {@code sightline.overhead.*} system properties; the mode sets the defaults.
 *
 * @param full the documented full run (writes docs/benchmarks.md) rather than the smoke run
 * @param rounds rounds of the four variants, interleaved
 * @param warmup the longest closed-loop warm-up before anything is measured; it ends earlier once throughput
 * is steady (see {@link OverheadHarness})
 * @param throughput the closed-loop phase that measures maximum throughput
 * @param openWarmup the longest open-loop warm-up before the latency phase; it ends earlier once CPU per
 * request is steady
 * @param latency the open-loop phase that measures latency, CPU and allocation per request
 * @param closedLoopConnections connections of the closed loop
 * @param openLoopConnections most requests in flight in the open loop
 * @param rateFraction the open loop's arrival rate as a fraction of the slowest variant's maximum throughput
 * in round 1 (which then measures no latency)
 * @param fixedRate an arrival rate to use instead (requests per second), or 0; with one, round 1 measures
 * latency too
 * @param scrapeInterval how often /actuator/prometheus is scraped, where the variant has it
 * @param tools folder with the jars Maven copied
 * @param work folder for run logs and the report copy
 * @param report the markdown file whose overhead section the full run rewrites, or null
 * @param command the command printed in the report
 * @param pinCpus whether to pin the app to one CPU and everything else to the others ({@code pin-cpus=0} turns it off)
 * @param sightlineOptions extra JVM options of the Sightline variant only, to measure a setting (e.g.
 * {@code -Dsightline.instrumentation.curated=true}); {@code sightline-options}, space-separated
 * @param profile how long round 1 profiles each variant (JFR and per-thread CPU) after its measured phases,
 * or zero for no profile
 * @param baseline a folder with an earlier build's {@code sightline-javaagent.jar} and
 * {@code overhead-app-sightline.jar}, run as {@link Variant#SIGHTLINE_BEFORE}, or null
 */
public record HarnessSettings(boolean full, int rounds, Duration warmup, Duration throughput, Duration openWarmup,
		Duration latency,
		int closedLoopConnections, int openLoopConnections, double rateFraction, double fixedRate,
		Duration scrapeInterval, Path tools, Path work, Path report, String command, boolean pinCpus,
		java.util.List<String> sightlineOptions, Duration profile, Path baseline) {

	public static final String FULL_COMMAND = "./mvnw -pl benchmarks/overhead -am verify -DskipTests -Dsightline.overhead.full=true";

	public static final String SMOKE_COMMAND = "./mvnw -pl benchmarks/overhead -am verify (OverheadSmokeIT)";

	public static HarnessSettings fromSystemProperties() {
		boolean full = "full".equals(System.getProperty("sightline.overhead.mode", "smoke"));
		String report = System.getProperty("sightline.overhead.report", "");
		StringBuilder command = new StringBuilder(full ? FULL_COMMAND : SMOKE_COMMAND);
		int rounds = intProperty("rounds", full ? 5 : 1, command);
		Duration warmup = seconds("warmup-seconds", full ? 45 : 1, command);
		Duration throughput = seconds("throughput-seconds", full ? 10 : 2, command);
		Duration openWarmup = seconds("open-warmup-seconds", full ? 30 : 1, command);
		Duration latency = seconds("latency-seconds", full ? 20 : 2, command);
		int rate = intProperty("rate", 0, command);
		boolean pin = intProperty("pin-cpus", 1, command) != 0;
		String options = System.getProperty("sightline.overhead.sightline-options", "").trim();
		java.util.List<String> sightlineOptions = (options.isEmpty() || options.startsWith("${")) ? java.util.List.of()
				: java.util.List.of(options.split("\\s+"));
		if (!sightlineOptions.isEmpty()) {
			command.append(" '-Dsightline.overhead.sightline-options=").append(options).append('\'');
		}
		Duration profile = seconds("profile-seconds", full ? 20 : 2, command);
		String baseline = System.getProperty("sightline.overhead.baseline", "").trim();
		boolean withBaseline = !baseline.isEmpty() && !baseline.startsWith("${");
		if (withBaseline) {
			command.append(" -Dsightline.overhead.baseline=<folder of the baseline build's jars>");
		}
		return new HarnessSettings(full, rounds, warmup, throughput, openWarmup, latency, 16, 64, 0.6, rate,
				Duration.ofSeconds(15),
				Path.of(System.getProperty("sightline.overhead.tools", "target/overhead-tools")),
				Path.of(System.getProperty("sightline.overhead.work", "target/overhead-runs")),
				report.isBlank() ? null : Path.of(report), command.toString(), pin, sightlineOptions, profile,
				withBaseline ? Path.of(baseline) : null);
	}

	/** A knob's value; one that differs from its default is added to the command shown in the report. */
	private static int intProperty(String name, int defaultValue, StringBuilder command) {
		String key = "sightline.overhead." + name;
		String raw = System.getProperty(key, "").trim();
		// the Maven profile passes an unset knob through as its literal ${...}
		int value = (raw.isEmpty() || raw.startsWith("${")) ? defaultValue : Integer.parseInt(raw);
		if (value != defaultValue) {
			command.append(" -D").append(key).append('=').append(value);
		}
		return value;
	}

	private static Duration seconds(String name, int defaultValue, StringBuilder command) {
		return Duration.ofSeconds(intProperty(name, defaultValue, command));
	}

	/** The variants this run measures: all of them, {@link Variant#SIGHTLINE_BEFORE} only with a baseline. */
	public java.util.List<Variant> variants() {
		return java.util.Arrays.stream(Variant.values())
			.filter((variant) -> variant != Variant.SIGHTLINE_BEFORE || this.baseline != null)
			.toList();
	}

	/** A jar of {@code variant}: the baseline's for {@link Variant#SIGHTLINE_BEFORE}, this build's otherwise. */
	public Path tool(Variant variant, String fileName) {
		return (variant == Variant.SIGHTLINE_BEFORE) ? existing(this.baseline.resolve(fileName)) : tool(fileName);
	}

	public Path tool(String fileName) {
		return existing(this.tools.resolve(fileName));
	}

	private static Path existing(Path path) {
		if (!java.nio.file.Files.isRegularFile(path)) {
			throw new IllegalStateException("Missing " + path.toAbsolutePath()
					+ ": build through Maven (./mvnw -pl benchmarks/overhead -am package), which copies it");
		}
		return path.toAbsolutePath();
	}

}
