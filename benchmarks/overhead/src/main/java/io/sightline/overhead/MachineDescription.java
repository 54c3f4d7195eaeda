package io.sightline.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Cores, CPU model, memory, OS and JDK, for the report. */
record MachineDescription(int cores, String cpuModel, long memoryBytes, String os, String jdk) {

	static MachineDescription current() throws IOException {
		List<String> cpuinfo = readLines("/proc/cpuinfo");
		String model = cpuinfo.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown CPU");
		int cores = (int) cpuinfo.stream().filter((line) -> line.startsWith("processor")).count();
		long memory = readLines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
			.findFirst()
			.orElse(0L);
		String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + prettyOsName();
		String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vendor") + ")";
		return new MachineDescription((cores > 0) ? cores : Runtime.getRuntime().availableProcessors(), model, memory, os,
				jdk);
	}

	String summary() {
		return String.format("%d cores (%s), %.1f GiB, %s, %s", this.cores, this.cpuModel,
				this.memoryBytes / (1024.0 * 1024 * 1024), this.os, this.jdk);
	}

	private static String prettyOsName() throws IOException {
		return readLines("/etc/os-release").stream()
			.filter((line) -> line.startsWith("PRETTY_NAME="))
			.map((line) -> " (" + line.substring("PRETTY_NAME=".length()).replace("\"", "") + ")")
			.findFirst()
			.orElse("");
	}

	private static List<String> readLines(String path) throws IOException {
		Path file = Path.of(path);
		return Files.isReadable(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
	}

}
