package io.sightline.agent.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;

/**
 * The real Zipkin server (exec jar) on a loopback port that it keeps across restarts, so that a running
 * agent, configured once with its endpoint, can lose it and find it again. (it-support's
 * {@code ZipkinServer} picks a new free port on every start.) The in-memory store starts empty after a
 * restart.
 */
final class RestartableZipkin implements AutoCloseable {

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ManagedProcess process;

	private RestartableZipkin(int port) {
		this.port = port;
	}

	/** Starts Zipkin on a free loopback port and waits until it is healthy. */
	static RestartableZipkin startOnFreePort() throws IOException, InterruptedException {
		RestartableZipkin zipkin = new RestartableZipkin(ItTools.freePort());
		zipkin.start();
		return zipkin;
	}

	/** Starts the server (again) on this port and waits until it is healthy. */
	synchronized void start() throws IOException, InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("Zipkin is already running on port " + this.port);
		}
		List<String> command = List.of(ItTools.javaBin(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
				ItTools.zipkinJar().toString(), "--armeria.ports[0].ip=127.0.0.1",
				"--armeria.ports[0].port=" + this.port, "--armeria.ports[0].protocols[0]=http");
		// A bounded in-memory store, sized with the heap: an unbounded one exhausts it under load.
		ManagedProcess started = ManagedProcess.start("zipkin", command,
				Map.of("MEM_MAX_SPANS", "50000", "STORAGE_TYPE", "mem"));
		try {
			started.awaitHttpOk(baseUrl() + "/health", Duration.ofSeconds(90));
		}
		catch (RuntimeException | InterruptedException ex) {
			started.close();
			throw ex;
		}
		this.process = started;
	}

	/** Stops the server (SIGTERM, then a forced kill) and returns once the process is gone. */
	synchronized void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.close();
			if (this.process.isAlive()) {
				throw new IllegalStateException("Zipkin (pid " + this.process.pid() + ") did not stop");
			}
			this.process = null;
		}
	}

	synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	String spansEndpoint() {
		return baseUrl() + "/api/v2/spans";
	}

	/** The stored JSON of one trace, exactly as Zipkin serves it, or null while Zipkin does not have it. */
	byte[] traceBytes(String traceId) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v2/trace/" + traceId))
					.timeout(Duration.ofSeconds(10))
					.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		return (response.statusCode() == 200) ? response.body() : null;
	}

	/** The JSON of one trace, or null while Zipkin does not have it. */
	String trace(String traceId) throws IOException, InterruptedException {
		byte[] bytes = traceBytes(traceId);
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	/** The JSON array of the service's traces of the last hour (service names are lower case in Zipkin). */
	String traces(String serviceName) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/api/v2/traces?limit=1000&lookback=3600000&serviceName=" + serviceName))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Zipkin answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
