package io.sightline.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The overhead section of docs/benchmarks.md: machine, date, command, medians, ratios, the goals of
 * issue 8 and every round. Only the text between the two markers is replaced, so the rest of the file
 * (other benchmarks, the method notes) survives a run.
 */
final class ReportWriter {

	static final String BEGIN = "<!-- overhead-harness:begin (written by benchmarks/overhead: a full run replaces everything up to the end marker) -->";

	static final String END = "<!-- overhead-harness:end -->";

	static final String SECTION_HEADING = "## Overhead: bare vs starter vs stock agent vs Sightline";

	private static final List<Variant> VARIANTS = List.of(Variant.values());

	private ReportWriter() {
	}

	static String markdown(OverheadResults results, HarnessSettings settings, MachineDescription machine,
			CpuPinning pinning, Instant date) {
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
		md.append(String.format(Locale.ROOT,
				"- **Run:** %d round(s) of the four variants interleaved (A B C D A B C D …), each a fresh JVM "
						+ "(`-Xmx512m`, JIT defaults); per variant and round a closed-loop warm-up until throughput is steady "
						+ "(at most %d s), %d s closed loop with %d "
						+ "connections, an open-loop warm-up until CPU per request is steady (at most %d s), %d s open "
						+ "loop at %,.0f req/s (%.0f %% of bare's maximum in round 1) with up to "
						+ "%d requests in flight; `/actuator/prometheus` scraped every %d s where it exists; %s.%n%n",
				settings.rounds(), settings.warmup().toSeconds(), settings.throughput().toSeconds(),
				settings.closedLoopConnections(), settings.openWarmup().toSeconds(), settings.latency().toSeconds(),
				results.arrivalRate(),
				settings.rateFraction() * 100, settings.openLoopConnections(), settings.scrapeInterval().toSeconds(),
				pinning.describe()));

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
		VARIANTS.forEach((variant) -> md.append(' ').append(variant.label()).append(" |"));
		md.append("\n|---|").append("---:|".repeat(VARIANTS.size())).append('\n');
		for (Figure figure : Figure.values()) {
			md.append("| ").append(figure.label()).append(" (").append(figure.unit()).append(") |");
			for (Variant variant : VARIANTS) {
				md.append(' ').append(figure.format(results.median(variant, figure))).append(" |");
			}
			md.append('\n');
		}
		md.append("| spans received by Zipkin per request |");
		VARIANTS.forEach((variant) -> md.append(
				String.format(Locale.ROOT, " %.2f |", results.median(variant, VariantRun::spansPerRequest))));
		md.append("\n| app CPU busy in the closed loop (CPUs) |");
		VARIANTS.forEach((variant) -> md
			.append(String.format(Locale.ROOT, " %.2f |", results.median(variant, VariantRun::appCpuBusy))));
		md.append("\n\nRatios of the medians (below 1 is cheaper, except for throughput where above 1 is better):\n\n");
		md.append("| Figure | starter / bare | stock agent / bare | Sightline / bare | Sightline / stock agent |\n");
		md.append("|---|---:|---:|---:|---:|\n");
		for (Figure figure : Figure.values()) {
			md.append("| ").append(figure.label()).append(" |");
			md.append(ratio(results, Variant.STARTER, Variant.BARE, figure));
			md.append(ratio(results, Variant.STOCK_AGENT, Variant.BARE, figure));
			md.append(ratio(results, Variant.SIGHTLINE, Variant.BARE, figure));
			md.append(ratio(results, Variant.SIGHTLINE, Variant.STOCK_AGENT, figure));
			md.append('\n');
		}

		md.append("\nThe goals of issue 8:\n\n| Figure | Goal | Measured | Result |\n|---|---|---:|---|\n");
		goal(md, "full Sightline throughput vs bare", "≥ 0.97",
				results.ratio(Variant.SIGHTLINE, Variant.BARE, Figure.THROUGHPUT), true, 0.97, "%.3f");
		goal(md, "full Sightline p99 vs bare", "≤ 1.05", results.ratio(Variant.SIGHTLINE, Variant.BARE, Figure.P99),
				false, 1.05, "%.3f");
		goal(md, "full Sightline startup vs bare", "≤ 1.25",
				results.ratio(Variant.SIGHTLINE, Variant.BARE, Figure.STARTUP), false, 1.25, "%.3f");
		goal(md, "full Sightline RSS vs bare", "≤ +100 MB",
				results.median(Variant.SIGHTLINE, Figure.RSS) - results.median(Variant.BARE, Figure.RSS), false, 100,
				"%+.0f MB");
		goal(md, "full Sightline CPU per request vs the stock agent", "≤ 1.0",
				results.ratio(Variant.SIGHTLINE, Variant.STOCK_AGENT, Figure.CPU_PER_REQUEST), false, 1.0, "%.3f");
		goal(md, "full Sightline startup vs the stock agent", "≤ 1.0",
				results.ratio(Variant.SIGHTLINE, Variant.STOCK_AGENT, Figure.STARTUP), false, 1.0, "%.3f");

		md.append("\n<details><summary>Every round</summary>\n\n");
		md.append("| Round | Variant | warm-up s | req/s | CPUs busy | open warm-up s | p50 ms | p99 ms | p99.9 ms "
				+ "| max ms | CPU µs/req | KiB/req | startup s | RSS MB | spans/req | failed |\n");
		md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (VariantRun run : results.runs()) {
			md.append(String.format(Locale.ROOT,
					"| %d | %s | %.0f | %,.0f | %.2f | %.0f | %.2f | %.2f | %.2f | %.1f | %.0f | %.1f | %.2f | %.0f | %.2f | %d |%n",
					run.round(), run.variant().label(), run.warmupSeconds(), run.throughputPerSecond(), run.appCpuBusy(),
					run.openWarmupSeconds(), run.p50Millis(),
					run.p99Millis(), run.p999Millis(), run.maxMillis(), run.cpuMicrosPerRequest(),
					run.allocatedBytesPerRequest() / 1024.0, run.startupMillis() / 1000.0, run.rssBytes() / 1e6,
					run.spansPerRequest(), run.failedRequests()));
		}
		md.append("\n</details>\n");
		return md.toString();
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
