package io.sightline.overhead;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import io.sightline.overhead.profile.Component;
import io.sightline.overhead.profile.ThreadCpu.ThreadGroup;
import io.sightline.overhead.profile.VariantProfile;

/**
 * The profile part of the report: per variant, CPU per request by thread group, by component and by
 * method, allocation per request by component and by site, and what full Sightline spends beyond the
 * stock agent, all from round 1's profiled phase.
 */
final class ProfileReport {

	private static final int TOP = 10;

	private ProfileReport() {
	}

	static void append(StringBuilder md, OverheadResults results, HarnessSettings settings) {
		List<Variant> profiled = results.variants().stream().filter((variant) -> profile(results, variant) != null).toList();
		if (profiled.isEmpty()) {
			return;
		}
		boolean diff = profiled.contains(Variant.SIGHTLINE) && profiled.contains(Variant.STOCK_AGENT);
		md.append(String.format(Locale.ROOT, "%n### Profile: where the CPU and the bytes of a request go%n%n"
				+ "Round 1, after its measured phases: %d s of the closed loop per variant, recorded by async-profiler "
				+ "(every thread on CPU sampled each millisecond, JIT and GC included; an allocation sample every "
				+ "256 KiB) where it runs, else by JDK Flight Recorder, with every thread's CPU time read "
				+ "before and after (`jcmd Thread.print`) and the heap allocation counted. Each thread group's CPU is "
				+ "measured; the sampled CPU is split over components and methods by their share of the "
				+ "samples, and the allocation over sites by their share of the sampled bytes. A sample is charged to "
				+ "the first frame from the top that is not the JDK's. The recorder costs a few percent, so compare "
				+ "these figures with each other, not with the tables above.%n%n", settings.profile().toSeconds()));

		md.append("CPU per request by thread group (µs):\n\n");
		header(md, profiled, diff);
		for (ThreadGroup group : ThreadGroup.values()) {
			row(md, group.label(), profiled, diff, "%.0f", (profile) -> profile.cpuMicrosPerRequest(group), results);
		}
		row(md, "**the app's total** (without the profiler)", profiled, diff, "%.0f",
				VariantProfile::appCpuMicrosPerRequest, results);

		md.append("\nCPU per request by component (µs; " + (profile(results, profiled.get(0)).samples().allThreads()
				? "every thread, sampled by async-profiler" : "Java threads only, sampled by JDK Flight Recorder")
				+ "):\n\n");
		header(md, profiled, diff);
		for (Component component : Component.values()) {
			row(md, component.label(), profiled, diff, "%.0f", (profile) -> profile.cpuMicrosPerRequest(component),
					results);
		}

		md.append("\nAllocation per request by component (KiB):\n\n");
		header(md, profiled, diff);
		for (Component component : Component.values()) {
			row(md, component.label(), profiled, diff, "%.1f", (profile) -> profile.allocatedKibPerRequest(component),
					results);
		}
		row(md, "**total**", profiled, diff, "%.1f", VariantProfile::allocatedKibPerRequest, results);

		if (diff) {
			VariantProfile sightline = profile(results, Variant.SIGHTLINE);
			VariantProfile stock = profile(results, Variant.STOCK_AGENT);
			md.append("\nThe " + TOP + " methods (own time) where full Sightline spends the most beyond the stock "
					+ "agent (µs per request):\n\n| method | Sightline | stock agent | difference |\n|---|---:|---:|---:|\n");
			topDifferences(md, keys(sightline.topCpuMethods(100), stock.topCpuMethods(100)),
					VariantProfile::cpuMicrosPerRequest, sightline, stock, "%.1f");
			md.append("\nThe " + TOP + " allocation sites where full Sightline allocates the most beyond the stock "
					+ "agent (KiB per request):\n\n| site | Sightline | stock agent | difference |\n|---|---:|---:|---:|\n");
			topDifferences(md, keys(sightline.topAllocationSites(100), stock.topAllocationSites(100)),
					VariantProfile::allocatedKibPerRequest, sightline, stock, "%.2f");
		}

		md.append("\n<details><summary>Top " + TOP + " methods and allocation sites of each variant</summary>\n");
		for (Variant variant : profiled) {
			VariantProfile profile = profile(results, variant);
			md.append(String.format(Locale.ROOT, "%n**%s** (%,d requests profiled; %d CPU samples):%n%n", variant.label(),
					profile.requests(), profile.samples().cpuSamples()));
			md.append("| method (own time) | µs/req | allocation site | KiB/req |\n|---|---:|---|---:|\n");
			List<VariantProfile.Entry> cpu = profile.topCpuMethods(TOP);
			List<VariantProfile.Entry> allocation = profile.topAllocationSites(TOP);
			for (int i = 0; i < Math.max(cpu.size(), allocation.size()); i++) {
				md.append("| ").append(entry(cpu, i, "%.1f")).append(" | ").append(entry(allocation, i, "%.2f")).append(" |\n");
			}
		}
		md.append("\n</details>\n");
	}

	private static VariantProfile profile(OverheadResults results, Variant variant) {
		return results.runs(variant).stream().map(VariantRun::profile).filter((p) -> p != null).findFirst().orElse(null);
	}

	private static void header(StringBuilder md, List<Variant> variants, boolean diff) {
		md.append("| |");
		variants.forEach((variant) -> md.append(' ').append(variant.label()).append(" |"));
		md.append(diff ? " Sightline − stock agent |" : "");
		md.append("\n|---|").append("---:|".repeat(variants.size() + (diff ? 1 : 0))).append('\n');
	}

	private static void row(StringBuilder md, String label, List<Variant> variants, boolean diff, String format,
			Function<VariantProfile, Double> value, OverheadResults results) {
		md.append("| ").append(label).append(" |");
		for (Variant variant : variants) {
			md.append(' ').append(String.format(Locale.ROOT, format, value.apply(profile(results, variant)))).append(" |");
		}
		if (diff) {
			double difference = value.apply(profile(results, Variant.SIGHTLINE))
					- value.apply(profile(results, Variant.STOCK_AGENT));
			md.append(' ').append(String.format(Locale.ROOT, "%+" + format.substring(1), difference)).append(" |");
		}
		md.append('\n');
	}

	private static Set<String> keys(List<VariantProfile.Entry> first, List<VariantProfile.Entry> second) {
		Set<String> keys = new HashSet<>();
		Stream.concat(first.stream(), second.stream()).forEach((entry) -> keys.add(entry.name()));
		return keys;
	}

	private static void topDifferences(StringBuilder md, Set<String> keys,
			BiFunction<VariantProfile, String, Double> value, VariantProfile sightline, VariantProfile stock,
			String format) {
		keys.stream()
			.sorted((a, b) -> Double.compare(value.apply(sightline, b) - value.apply(stock, b),
					value.apply(sightline, a) - value.apply(stock, a)))
			.limit(TOP)
			.forEach((key) -> md.append("| `")
				.append(key.replace("|", "\\|"))
				.append("` | ")
				.append(String.format(Locale.ROOT, format, value.apply(sightline, key)))
				.append(" | ")
				.append(String.format(Locale.ROOT, format, value.apply(stock, key)))
				.append(" | ")
				.append(String.format(Locale.ROOT, "%+" + format.substring(1), value.apply(sightline, key) - value.apply(stock, key)))
				.append(" |\n"));
	}

	private static String entry(List<VariantProfile.Entry> entries, int index, String format) {
		if (index >= entries.size()) {
			return " | ";
		}
		VariantProfile.Entry entry = entries.get(index);
		return "`" + entry.name().replace("|", "\\|") + "` | " + String.format(Locale.ROOT, format, entry.perRequest());
	}

}
