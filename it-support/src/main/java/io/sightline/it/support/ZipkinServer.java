package io.sightline.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real Zipkin server (io.zipkin:zipkin-server exec jar) on a free loopback port. */
public final class ZipkinServer implements AutoCloseable {

	private final ManagedProcess process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * JVM options for a Zipkin that starts and warms up quickly (C1 only): a restarted Zipkin's JIT
	 * otherwise competes for the cores with the services under test for about half a minute.
	 */
	public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

	private ZipkinServer(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	public static ZipkinServer start() throws IOException, InterruptedException {
		return start(ItTools.zipkinJar(), ItTools.freePort(), java.nio.file.Files.createTempFile("sightline-zipkin-", ".log"),
				QUICK_START);
	}

	public static ZipkinServer start(java.nio.file.Path jar, int port, java.nio.file.Path output)
			throws IOException, InterruptedException {
		return start(jar, port, output, List.of());
	}

	/**
	 * @param jar the zipkin-server exec jar
	 * @param port loopback port to listen on
	 * @param output where its console output goes
	 * @param jvmOptions added to the defaults (heap, serial GC)
	 */
	public static ZipkinServer start(java.nio.file.Path jar, int port, java.nio.file.Path output, List<String> jvmOptions)
			throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of(ItTools.javaBin(), "-Xmx384m", "-XX:+UseSerialGC"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--armeria.ports[0].ip=127.0.0.1",
				"--armeria.ports[0].port=" + port, "--armeria.ports[0].protocols[0]=http"));
		// Bounded in-memory store: an unbounded one exhausts the heap under load.
		ManagedProcess process = ManagedProcess.start("zipkin", command,
				Map.of("MEM_MAX_SPANS", "50000", "STORAGE_TYPE", "mem"), output);
		ZipkinServer server = new ZipkinServer(process, port);
		try {
			process.awaitHttpOk(server.baseUrl() + "/health", Duration.ofSeconds(90));
		}
		catch (RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
		return server;
	}

	public long pid() {
		return this.process.pid();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public String spansEndpoint() {
		return baseUrl() + "/api/v2/spans";
	}

	/** The JSON of one trace, or null while Zipkin does not have it yet. */
	public String trace(String traceId) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v2/trace/" + traceId)).build(),
				HttpResponse.BodyHandlers.ofString());
		return (response.statusCode() == 200) ? response.body() : null;
	}

	/** The JSON array of recent traces of a service. */
	public String traces(String serviceName) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/api/v2/traces?limit=100&lookback=3600000&serviceName=" + serviceName))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
