package io.sightline.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;

/**
 * A real VictoriaMetrics (Debian's 1.79) on a free loopback port, standing in for InfluxDB 2: it accepts
 * Influx line protocol on {@code /api/v2/write} and names each field {@code <measurement>_<field>}.
 * Stopped by its own PID; {@link #restart()} starts it again on the same port and data directory.
 */
final class VictoriaMetricsServer implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path dir;

	private final int port;

	private ManagedProcess process;

	private int starts;

	private VictoriaMetricsServer(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	static Path binary() {
		return ItTools.onPath("victoria-metrics");
	}

	static VictoriaMetricsServer start(Path dir) throws IOException, InterruptedException {
		VictoriaMetricsServer server = new VictoriaMetricsServer(dir, ItTools.freePort());
		server.launch();
		return server;
	}

	private void launch() throws IOException, InterruptedException {
		this.starts++;
		this.process = ManagedProcess.start("victoria-metrics",
				List.of(binary().toString(), "-httpListenAddr=127.0.0.1:" + this.port,
						"-storageDataPath=" + this.dir.resolve("data").toAbsolutePath(), "-retentionPeriod=1d"),
				Map.of(), this.dir.resolve("victoria-metrics-" + this.starts + ".log"));
		try {
			this.process.awaitHttpOk(url() + "/health", Duration.ofSeconds(30));
		}
		catch (RuntimeException | InterruptedException ex) {
			this.process.close();
			throw ex;
		}
	}

	/** Stops the process (by its PID) and waits until it has exited. */
	void stop() throws InterruptedException {
		this.process.close();
	}

	void restart() throws IOException, InterruptedException {
		stop();
		launch();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** Series whose name matches the regex, in the export API's JSON-lines format (after a force flush). */
	String export(String nameRegex) throws IOException, InterruptedException {
		get("/internal/force_flush");
		String match = "{__name__=~\"" + nameRegex + "\"}";
		return get("/api/v1/export?match[]=" + URLEncoder.encode(match, StandardCharsets.UTF_8));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("victoria-metrics answered " + response.statusCode() + " to " + path
					+ ": " + response.body());
		}
		return response.body();
	}

	String tail() {
		return this.process.tail();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null) {
			this.process.close();
		}
	}

}
