package io.sightline.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.sightline.it.support.ItTools;

/**
 * Keeps the app under test and everything else apart: the app gets the last allowed CPU, the harness
 * (load generator, downstream stub, scraper) and Zipkin, which inherits the harness's affinity, get the
 * others. Span ingestion in Zipkin then cannot steal CPU from the app, and the app's CPU figures are its
 * own. Without {@code taskset} or with a single CPU nothing is pinned.
 */
final class CpuPinning {

	private final List<Integer> allowed;

	private final boolean active;

	private CpuPinning(List<Integer> allowed, boolean active) {
		this.allowed = allowed;
		this.active = active;
	}

	static CpuPinning plan(boolean wanted) throws IOException {
		List<Integer> allowed = allowedCpus();
		boolean possible = allowed.size() >= 2 && ItTools.onPath("taskset") != null;
		return new CpuPinning(allowed, wanted && possible);
	}

	boolean active() {
		return this.active;
	}

	String appCpus() {
		return Integer.toString(this.allowed.get(this.allowed.size() - 1));
	}

	String otherCpus() {
		return this.allowed.subList(0, this.allowed.size() - 1)
			.stream()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
	}

	/** Moves every thread of this JVM (and so every process it starts later) to the other CPUs. */
	void pinHarness() throws IOException, InterruptedException {
		if (this.active) {
			taskset(otherCpus());
		}
	}

	void release() throws IOException, InterruptedException {
		if (this.active) {
			taskset(this.allowed.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
	}

	/** The prefix that starts the app on its own CPU. */
	List<String> appCommandPrefix() {
		return this.active ? List.of("taskset", "-c", appCpus()) : List.of();
	}

	String describe() {
		return this.active ? "the app pinned to CPU " + appCpus() + "; load generator, downstream stub, scraper and Zipkin "
				+ "pinned to CPU " + otherCpus() : "no CPU pinning: the app, the load generator and Zipkin share all CPUs";
	}

	private static void taskset(String cpus) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("taskset failed: " + output);
		}
	}

	private static List<Integer> allowedCpus() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
			if (line.startsWith("Cpus_allowed_list:")) {
				List<Integer> cpus = new ArrayList<>();
				for (String range : line.substring("Cpus_allowed_list:".length()).trim().split(",")) {
					String[] bounds = range.split("-");
					int from = Integer.parseInt(bounds[0].trim());
					int to = (bounds.length > 1) ? Integer.parseInt(bounds[1].trim()) : from;
					for (int cpu = from; cpu <= to; cpu++) {
						cpus.add(cpu);
					}
				}
				return cpus;
			}
		}
		return List.of();
	}

}
