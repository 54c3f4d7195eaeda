package io.sightline.it.support;

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

/**
 * A real VictoriaMetrics (Debian's {@code victoria-metrics}) on a loopback port, standing in for
 * InfluxDB 2: it accepts Influx line protocol on {@code /api/v2/write} and stores each numeric field
 * as the series {@code <measurement>_<field>}. Stopped by its own PID; {@link #start()} brings it back
 * on the same port and data directory.
 */
public final class VictoriaMetricsServer implements AutoCloseable {

	/** The apt package that provides the binary, for skip messages. */
	public static final String APT_PACKAGE = "victoria-metrics";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path dir;

	private final int port;

	private ManagedProcess process;

	private int starts;

	private VictoriaMetricsServer(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	/** The binary on the PATH, or null when the package is not installed. */
	public static Path binary() {
		return ItTools.onPath("victoria-metrics");
	}

	/** Starts it on a free port, with its data and output under the folder. */
	public static VictoriaMetricsServer start(Path dir) throws IOException, InterruptedException {
		VictoriaMetricsServer server = new VictoriaMetricsServer(dir, ItTools.freePort());
		server.start();
		return server;
	}

	/** Starts the process (again), on the same port and data directory, and waits until healthy. */
	public synchronized void start() throws IOException, InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("victoria-metrics is already running (pid " + this.process.pid() + ")");
		}
		Path binary = binary();
		if (binary == null) {
			throw new IllegalStateException("victoria-metrics is not installed: apt-get install " + APT_PACKAGE);
		}
		this.starts++;
		this.process = ManagedProcess.start("victoria-metrics",
				List.of(binary.toString(), "-httpListenAddr=127.0.0.1:" + this.port,
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

	/** Stops the process (SIGTERM by its PID, then a forced kill) and waits until it has exited. */
	public synchronized void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.close();
		}
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * Series whose name matches the regex, in the export API's JSON-lines format, after a force flush.
	 * @param nameRegex a MetricsQL regex on {@code __name__}
	 */
	public String export(String nameRegex) throws IOException, InterruptedException {
		return export("{__name__=~\"" + nameRegex + "\"}", null);
	}

	/**
	 * Series matching the selector with samples at or after {@code startSeconds} (null: all), as
	 * JSON lines, after a force flush.
	 */
	public String export(String selector, Long startSeconds) throws IOException, InterruptedException {
		get("/internal/force_flush");
		String query = "/api/v1/export?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)
				+ ((startSeconds != null) ? "&start=" + startSeconds : "");
		return get(query);
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("victoria-metrics answered " + response.statusCode() + " to " + path
					+ ": " + response.body());
		}
		return response.body();
	}

	public String tail() {
		return (this.process != null) ? this.process.tail() : "(never started)";
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
