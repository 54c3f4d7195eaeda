package io.sightline.overhead.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** CPU time and resident memory of another process, read from Linux's /proc. */
public final class ProcessStats {

	private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

	private ProcessStats() {
	}

	/** User plus system CPU time of all the process's threads so far (resolution: one clock tick). */
	public static long cpuNanos(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
		// the command name (field 2) may contain spaces: count fields from its closing parenthesis
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		long utime = Long.parseLong(fields[11]);
		long stime = Long.parseLong(fields[12]);
		return (utime + stime) * TimeUnit.SECONDS.toNanos(1) / CLOCK_TICKS_PER_SECOND;
	}

	/** VmRSS: the process's resident set size in bytes. */
	public static long rssBytes(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
			if (line.startsWith("VmRSS:")) {
				String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
				return Long.parseLong(kilobytes) * 1024;
			}
		}
		throw new IOException("no VmRSS for process " + pid);
	}

	private static long clockTicksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
				return Long.parseLong(output);
			}
		}
		catch (IOException | NumberFormatException ex) {
			// the Linux default below
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 100;
	}

}
