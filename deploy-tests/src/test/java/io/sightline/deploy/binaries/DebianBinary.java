package io.sightline.deploy.binaries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sightline.it.support.ItTools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command-line tool from a Debian package (docker-compose, kubectl): the test that needs it is skipped,
 * visibly and naming the package, when it is not installed. CI installs both (.ci/run).
 */
public final class DebianBinary {

	private final Path executable;

	private DebianBinary(Path executable) {
		this.executable = executable;
	}

	/** The tool, or the calling test is skipped with the apt-get command that installs it. */
	public static DebianBinary require(String command, String debianPackage) {
		Path executable = ItTools.onPath(command);
		assumeTrue(executable != null,
				command + " is not installed: apt-get install -y " + debianPackage + " (CI installs it)");
		return new DebianBinary(executable);
	}

	/** Runs the tool in the directory; stdout and stderr kept apart. */
	public Result run(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(List.of(arguments));
		Path out = Files.createTempFile("sightline-deploy-", ".out");
		Path err = Files.createTempFile("sightline-deploy-", ".err");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
			}
			return new Result(String.join(" ", command), process.exitValue(),
					Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** What one run printed. */
	public record Result(String command, int exitCode, String stdout, String stderr) {

		public String describe() {
			return this.command + " exited " + this.exitCode + "\n" + this.stderr;
		}

	}

}
