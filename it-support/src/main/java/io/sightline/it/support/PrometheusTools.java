package io.sightline.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code promtool} and {@code amtool} on rule, test and config files. Tests check
 * {@link #promtool()} / {@link #amtool()} first and skip visibly (assumeTrue) when the binary is absent;
 * CI installs both.
 */
public final class PrometheusTools {

	/** Shown when a test is skipped for want of a binary. */
	public static final String INSTALL_HINT = "apt-get install prometheus prometheus-alertmanager";

	private PrometheusTools() {
	}

	/** promtool on the PATH, or null. */
	public static Path promtool() {
		return ItTools.onPath("promtool");
	}

	/** amtool on the PATH, or null. */
	public static Path amtool() {
		return ItTools.onPath("amtool");
	}

	/** {@code promtool check rules FILE…} */
	public static Result checkRules(List<Path> files) {
		return run(promtool(), "check", "rules", files);
	}

	/** {@code promtool test rules FILE…} */
	public static Result testRules(List<Path> files) {
		return run(promtool(), "test", "rules", files);
	}

	/** {@code promtool check config FILE} */
	public static Result checkConfig(Path file) {
		return run(promtool(), "check", "config", List.of(file));
	}

	/** {@code amtool check-config FILE} */
	public static Result checkAlertmanagerConfig(Path file) {
		return run(amtool(), "check-config", null, List.of(file));
	}

	private static Result run(Path binary, String command, String subcommand, List<Path> files) {
		if (binary == null) {
			throw new IllegalStateException("binary not on the PATH (" + INSTALL_HINT + ")");
		}
		List<String> args = new ArrayList<>(List.of(binary.toString(), command));
		if (subcommand != null) {
			args.add(subcommand);
		}
		files.forEach((file) -> args.add(file.toString()));
		try {
			Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", args) + " did not finish in 120 s");
			}
			return new Result(String.join(" ", args), process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + args, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param command what ran
	 * @param exitCode 0 on success
	 * @param output stdout and stderr together
	 */
	public record Result(String command, int exitCode, String output) {

		public boolean ok() {
			return this.exitCode == 0;
		}

		@Override
		public String toString() {
			return this.command + " exited " + this.exitCode + ":\n" + this.output;
		}

	}

}
