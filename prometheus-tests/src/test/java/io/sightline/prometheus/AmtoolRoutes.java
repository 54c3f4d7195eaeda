package io.sightline.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sightline.it.support.PrometheusTools;

/**
 * {@code amtool config routes test}: which receiver(s) Alertmanager's routing tree picks for a label set.
 * Not in {@link PrometheusTools}, whose API stays as it is.
 */
final class AmtoolRoutes {

	private AmtoolRoutes() {
	}

	/**
	 * @param config alertmanager.yml
	 * @param labels {@code name=value} pairs of the alert
	 * @return the receivers, as amtool prints them (comma-separated when several match)
	 */
	static String receivers(Path config, String... labels) {
		Path amtool = PrometheusTools.amtool();
		if (amtool == null) {
			throw new IllegalStateException("amtool not on the PATH (" + PrometheusTools.INSTALL_HINT + ")");
		}
		List<String> args = new ArrayList<>(
				List.of(amtool.toString(), "config", "routes", "test", "--config.file=" + config));
		args.addAll(List.of(labels));
		try {
			Path stderr = Files.createTempFile("amtool", ".err");
			try {
				Process process = new ProcessBuilder(args).redirectError(stderr.toFile()).start();
				process.getOutputStream().close();
				String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", args) + " did not finish in 60 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", args) + " exited " + process.exitValue() + ":\n"
							+ out + Files.readString(stderr));
				}
				return out.trim();
			}
			finally {
				Files.deleteIfExists(stderr);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + args, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
