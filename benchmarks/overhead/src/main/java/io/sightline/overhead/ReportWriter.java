package io.sightline.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overhead section of docs/benchmarks.md: machine, date, command, medians, ratios, the overhead
 * goals, the profile and every round. Only the text between the two markers is replaced, so the rest of the file
 * (other benchmarks, the method notes) survives a run.
 */
final class ReportWriter {

	static final String BEGIN = "<!-- overhead-harness:begin (written by benchmarks/overhead: a full run replaces everything up to the end marker) -->";

	static final String END = "<!-- overhead-harness:end -->";

	static final String SECTION_HEADING = "## Overhead: bare vs starter vs stock agent vs Sightline";

	private ReportWriter() {
	}

	static String markdown(OverheadResults results, HarnessSettings settings, MachineDescription machine,
			CpuPinning pinning, Instant date) {
		List<Variant> variants = results.variants();
		StringBuilder md = new StringBuilder();
		if (!settings.full()) {
			md.append("**Smoke run** (a few seconds per variant, one round): it proves the harness works; its figures "
					+ "mean nothing.\n\n");
		}
		md.append("- **Machine:** ").append(machine.summary()).append(".\n");
		md.append("- **Date:** ")
			.append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(date))
			.append(String.format(Locale.ROOT, " (the run took %.1f min).%n", results.wallNanos() / 60e9));
		md.append("- **Command:** `").append(settings.command()).append("`\n");
		String rate = (settings.fixedRate() > 0) ? "a fixed rate, in every round"
				: String.format(Locale.ROOT, "%.0f %% of the slowest variant's maximum in round 1; "
						+ "round 1 measures no latency", settings.rateFraction() * 100);
		md.append(String.format(Locale.ROOT,
				"- **Run:** %d round(s) of the %d variants interleaved (A B C D A B C D …), each a fresh JVM "
						+ "(`-Xmx512m`, JIT defaults); per variant and round a closed-loop warm-up until throughput is steady "
						+ "(at most %d s), %d s closed loop with %d "
						+ "connections, an open-loop warm-up until CPU per request is steady (at most %d s), %d s open "
						+ "loop at %,.0f req/s (%s) with up to "
						+ "%d requests in flight; `/actuator/prometheus` scraped every %d s where it exists; %s.%s%n%n",
				settings.rounds(), variants.size(), settings.warmup().toSeconds(), settings.throughput().toSeconds(),
				settings.closedLoopConnections(), settings.openWarmup().toSeconds(), settings.latency().toSeconds(),
				results.arrivalRate(), rate, settings.openLoopConnections(), settings.scrapeInterval().toSeconds(),
				pinning.describe(),
				settings.profile().isZero() ? ""
						: String.format(Locale.ROOT, " Round 1 then profiles each variant for %d s (see the profile "
								+ "below); no figure but the profile's is taken while the recorder runs.",
								settings.profile().toSeconds())));
		if (settings.baseline() != null) {
			md.append("- **Before and after:** `Sightline before` runs the jars of the baseline build (")
				.append(baselineCommit(settings))
				.append(") with the same options as `Sightline`, interleaved with the rest.\n\n");
		}

		long capped = results.runs()
			.stream()
			.filter((run) -> run.warmupSeconds() >= settings.warmup().toSeconds() - 0.5
					|| run.openWarmupSeconds() >= settings.openWarmup().toSeconds() - 0.5)
			.count();
		if (settings.full() && capped > 0) {
			md.append(String.format(Locale.ROOT, "**Note:** in %d of %d runs a warm-up reached its limit before the "
					+ "figures were steady (see the warm-up columns of every round); those runs may overstate their "
					+ "variant's warmed-up cost.%n%n", capped, results.runs().size()));
		}
		md.append("Medians over the rounds:\n\n| Figure |");
		variants.forEach((variant) -> md.append(' ').append(variant.label()).append(" |"));
		md.append("\n|---|").append("---:|".repeat(variants.size())).append('\n');
		for (Figure figure : Figure.values()) {
			md.append("| ").append(figure.label()).append(" (").append(figure.unit()).append(") |");
			for (Variant variant : variants) {
				md.append(' ').append(figure.format(results.median(variant, figure))).append(" |");
			}
			md.append('\n');
		}
		md.append("| spans received by Zipkin per request |");
		variants.forEach((variant) -> md.append(
				String.format(Locale.ROOT, " %.2f |", results.median(variant, VariantRun::spansPerRequest))));
		md.append("\n| app CPU busy in the closed loop (CPUs) |");
		variants.forEach((variant) -> md
			.append(String.format(Locale.ROOT, " %.2f |", results.median(variant, VariantRun::appCpuBusy))));
		md.append("\n\nRatios of the medians (below 1 is cheaper, except for throughput where above 1 is better):\n\n");
		List<Variant[]> pairs = new ArrayList<>(List.of(new Variant[] { Variant.STARTER, Variant.BARE },
				new Variant[] { Variant.STOCK_AGENT, Variant.BARE }, new Variant[] { Variant.SIGHTLINE, Variant.BARE },
				new Variant[] { Variant.SIGHTLINE, Variant.STOCK_AGENT },
				new Variant[] { Variant.STARTER, Variant.SIGHTLINE }));
		if (variants.contains(Variant.SIGHTLINE_BEFORE)) {
			pairs.add(new Variant[] { Variant.SIGHTLINE, Variant.SIGHTLINE_BEFORE });
		}
		md.append("| Figure |");
		pairs.forEach((pair) -> md.append(' ').append(pair[0].label()).append(" / ").append(pair[1].label()).append(" |"));
		md.append("\n|---|").append("---:|".repeat(pairs.size())).append('\n');
		for (Figure figure : Figure.values()) {
			md.append("| ").append(figure.label()).append(" |");
			pairs.forEach((pair) -> md.append(ratio(results, pair[0], pair[1], figure)));
			md.append('\n');
		}

		md.append("\nThe goals of issue 15 (CPU per request from the closed loop, which no rate caps):\n\n"
				+ "| Figure | Goal | Measured | Result |\n|---|---|---:|---|\n");
		goal(md, "full Sightline CPU per request vs the stock agent", "≤ 1.0",
				results.ratio(Variant.SIGHTLINE, Variant.STOCK_AGENT, Figure.CLOSED_LOOP_CPU_PER_REQUEST), false, 1.0,
				"%.3f");
		goal(md, "full Sightline startup vs the stock agent", "≤ 1.0",
				results.ratio(Variant.SIGHTLINE, Variant.STOCK_AGENT, Figure.STARTUP), false, 1.0, "%.3f");
		goal(md, "full Sightline throughput vs bare", "≥ 0.85",
				results.ratio(Variant.SIGHTLINE, Variant.BARE, Figure.THROUGHPUT), true, 0.85, "%.3f");
		goal(md, "full Sightline p99 vs bare, at a rate every variant sustains", "≤ 1.25",
				results.ratio(Variant.SIGHTLINE, Variant.BARE, Figure.P99), false, 1.25, "%.3f");
		goal(md, "full Sightline RSS vs bare (issue 8)", "≤ +100 MB",
				results.median(Variant.SIGHTLINE, Figure.RSS) - results.median(Variant.BARE, Figure.RSS), false, 100,
				"%+.0f MB");
		double agentless = results.ratio(Variant.STARTER, Variant.SIGHTLINE, Figure.CLOSED_LOOP_CPU_PER_REQUEST);
		md.append(String.format(Locale.ROOT, "%nAgentless (the starter with Brave) against full Sightline: %.3f of its "
				+ "CPU per request and %.3f of its startup; %s.%n", agentless,
				results.ratio(Variant.STARTER, Variant.SIGHTLINE, Figure.STARTUP),
				(agentless < 1) ? "agentless is the cheaper mode" : "the agent is the cheaper mode"));

		ProfileReport.append(md, results, settings);

		md.append("\n<details><summary>Every round</summary>\n\n");
		md.append("| Round | Variant | warm-up s | req/s | CPUs busy | closed-loop CPU µs/req | open warm-up s | p50 ms "
				+ "| p99 ms | p99.9 ms | max ms | CPU µs/req | KiB/req | startup s | RSS MB | spans/req | failed |\n");
		md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (VariantRun run : results.runs()) {
			md.append(String.format(Locale.ROOT,
					"| %d | %s | %.0f | %,.0f | %.2f | %.0f | %s | %s | %s | %s | %s | %s | %s | %.2f | %.0f | %.2f | %d |%n",
					run.round(), run.variant().label(), run.warmupSeconds(), run.throughputPerSecond(), run.appCpuBusy(),
					run.closedLoopCpuMicrosPerRequest(), orDash("%.0f", run.openWarmupSeconds()),
					orDash("%.2f", run.p50Millis()), orDash("%.2f", run.p99Millis()), orDash("%.2f", run.p999Millis()),
					orDash("%.1f", run.maxMillis()), orDash("%.0f", run.cpuMicrosPerRequest()),
					orDash("%.1f", run.allocatedBytesPerRequest() / 1024.0), run.startupMillis() / 1000.0,
					run.rssBytes() / 1e6, run.spansPerRequest(), run.failedRequests()));
		}
		md.append("\n</details>\n");
		return md.toString();
	}

	private static String orDash(String format, double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
	}

	private static String baselineCommit(HarnessSettings settings) {
		Path commit = settings.baseline().resolve("COMMIT");
		try {
			return Files.isRegularFile(commit) ? "commit " + Files.readString(commit).trim()
					: "the jars in " + settings.baseline().getFileName();
		}
		catch (IOException ex) {
			return "the jars in " + settings.baseline().getFileName();
		}
	}

	private static String ratio(OverheadResults results, Variant variant, Variant base, Figure figure) {
		return String.format(Locale.ROOT, " %.3f |", results.ratio(variant, base, figure));
	}

	private static void goal(StringBuilder md, String figure, String goal, double measured, boolean atLeast,
			double threshold, String format) {
		boolean met = atLeast ? measured >= threshold : measured <= threshold;
		md.append("| ")
			.append(figure)
			.append(" | ")
			.append(goal)
			.append(" | ")
			.append(String.format(Locale.ROOT, format, measured))
			.append(" | ")
			.append(met ? "pass" : "**miss**")
			.append(" |\n");
	}

	/** Replaces the text between the markers in {@code document}, or appends the section with them. */
	static void writeInto(Path document, String sectionBody) throws IOException {
		String text = Files.isRegularFile(document) ? Files.readString(document, StandardCharsets.UTF_8) : "";
		String block = BEGIN + "\n" + sectionBody + END;
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		String updated;
		if (begin >= 0 && end > begin) {
			updated = text.substring(0, begin) + block + text.substring(end + END.length());
		}
		else {
			String separator = (text.isEmpty() || text.endsWith("\n\n")) ? "" : (text.endsWith("\n") ? "\n" : "\n\n");
			updated = text + separator + SECTION_HEADING + "\n\n" + block + "\n";
		}
		Files.writeString(document, updated, StandardCharsets.UTF_8);
	}

}
