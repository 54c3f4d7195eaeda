package io.sightline.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;

/**
 * A real InfluxDB 1.x ({@code influxd}, Debian's 1.6.7) on free loopback ports, with all its state in a
 * temp directory and nothing but HTTP enabled; stopped by its own PID.
 */
final class InfluxdServer implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ManagedProcess process;

	private final int port;

	private InfluxdServer(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	static Path binary() {
		return ItTools.onPath("influxd");
	}

	static InfluxdServer start(Path dir) throws IOException, InterruptedException {
		int http = ItTools.freePort();
		int rpc = ItTools.freePort();
		String config = """
				reporting-disabled = true
				bind-address = "127.0.0.1:%2$d"

				[meta]
				  dir = "%3$s/meta"

				[data]
				  dir = "%3$s/data"
				  wal-dir = "%3$s/wal"
				  query-log-enabled = false

				[monitor]
				  store-enabled = false

				[http]
				  enabled = true
				  bind-address = "127.0.0.1:%1$d"
				  log-enabled = false

				[subscriber]
				  enabled = false

				[continuous_queries]
				  enabled = false
				""".formatted(http, rpc, dir.toAbsolutePath());
		Path file = dir.resolve("influxdb.conf");
		Files.writeString(file, config);
		ManagedProcess process = ManagedProcess.start("influxd", List.of(binary().toString(), "-config", file.toString()),
				Map.of(), dir.resolve("influxd.log"));
		InfluxdServer server = new InfluxdServer(process, http);
		try {
			process.awaitHttpOk(server.url() + "/query?q=" + encode("SHOW DATABASES"), Duration.ofSeconds(30));
		}
		catch (RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
		return server;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	String query(String db, String q) throws IOException, InterruptedException {
		String uri = url() + "/query?" + ((db != null) ? "db=" + encode(db) + "&" : "") + "q=" + encode(q);
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("influxd answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	String tail() {
		return this.process.tail();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
