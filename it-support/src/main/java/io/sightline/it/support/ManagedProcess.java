package io.sightline.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as its own process, with its output in a file, stopped by its own PID: a polite
 * SIGTERM, then a forced kill after a timeout (Zipkin can ignore SIGTERM when out of memory).
 */
public final class ManagedProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path output;

	/** stderr's own file, or null when it is merged into {@link #output}. */
	private final Path errors;

	private ManagedProcess(String name, Process process, Path output, Path errors) {
		this.name = name;
		this.process = process;
		this.output = output;
		this.errors = errors;
	}

	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment)
			throws IOException {
		return start(name, command, environment, Files.createTempFile("sightline-" + name + "-", ".log"));
	}

	/** As {@link #start(String, List, Map)}, writing stdout and stderr to the given file. */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path output) throws IOException {
		return start(name, command, environment, output, null);
	}

	/**
	 * As {@link #start(String, List, Map, Path)}, with stderr in a file of its own (when not null), for
	 * tests of what reaches stdout alone.
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path output, Path errors) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile());
		if (errors != null) {
			builder.redirectError(errors.toFile());
		}
		else {
			builder.redirectErrorStream(true);
		}
		builder.environment().putAll(environment);
		return new ManagedProcess(name, builder.start(), output, errors);
	}

	/** Polls the URL until it answers 200, failing with the process output if it dies or times out. */
	public void awaitHttpOk(String url, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<Void> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException(this.name + " not ready at " + url + " within " + timeout + ":\n" + tail());
	}

	public byte[] outputBytes() throws IOException {
		return Files.readAllBytes(this.output);
	}

	public List<String> outputLines() throws IOException {
		return Files.readAllLines(this.output, StandardCharsets.UTF_8);
	}

	/** The last lines of the output, and of stderr when it has a file of its own. */
	public String tail() {
		try {
			List<String> lines = outputLines();
			String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
			if (this.errors != null && Files.isRegularFile(this.errors)) {
				List<String> errorLines = Files.readAllLines(this.errors, StandardCharsets.UTF_8);
				tail += "\n--- stderr ---\n"
						+ String.join("\n", errorLines.subList(Math.max(0, errorLines.size() - 30), errorLines.size()));
			}
			return tail;
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	public long pid() {
		return this.process.pid();
	}

	public String name() {
		return this.name;
	}

	public Path output() {
		return this.output;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public int waitForExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " still running after " + timeout);
		}
		return this.process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
