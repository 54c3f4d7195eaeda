package io.sightline.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.sightline.it.support.ZipkinServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What Zipkin received: its collector's span counter, and the service names it has stored. */
final class ZipkinSpans {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ZipkinServer zipkin;

	ZipkinSpans(ZipkinServer zipkin) {
		this.zipkin = zipkin;
	}

	/** Spans received over HTTP since Zipkin started. */
	long received() throws IOException, InterruptedException {
		JsonNode metrics = JSON.readTree(get("/metrics"));
		return (long) metrics.path("counter.zipkin_collector.spans.http").asDouble(0);
	}

	/** Spans received, once the count has stopped moving (exporters flush on shutdown and in batches). */
	long receivedWhenSettled(Duration atMost) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		long previous = received();
		while (System.nanoTime() < deadline) {
			Thread.sleep(700);
			long current = received();
			if (current == previous) {
				return current;
			}
			previous = current;
		}
		return previous;
	}

	boolean hasService(String serviceName) throws IOException, InterruptedException {
		for (JsonNode name : JSON.readTree(get("/api/v2/services"))) {
			if (serviceName.equals(name.asString())) {
				return true;
			}
		}
		return false;
	}

	String spansEndpoint() {
		return this.zipkin.spansEndpoint();
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.zipkin.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("Zipkin " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

}
