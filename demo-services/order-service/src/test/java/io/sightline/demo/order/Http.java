package io.sightline.demo.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON client over the JDK's HttpClient, for black-box calls to the running service. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Response post(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	Response get(String pathOrUrl) throws Exception {
		URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : uri(pathOrUrl);
		return send(HttpRequest.newBuilder(uri).GET().build());
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private Response send(HttpRequest request) throws Exception {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response);
	}

	/** A response with its body read as JSON. */
	record Response(HttpResponse<String> raw) {

		int status() {
			return this.raw.statusCode();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

	}

}
