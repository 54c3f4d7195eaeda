package io.sightline.demo.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A downstream service stand-in: a real HTTP server on loopback whose answers a test sets per path.
 * (The end-to-end test runs the real services; this keeps the gateway's own tests fast and exact.)
 */
final class StubService implements AutoCloseable {

	record Answer(int status, String json) {

	}

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile String lastBody = "";

	StubService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.calls.incrementAndGet();
			this.lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
			Answer answer = this.answers.getOrDefault(key, new Answer(404, "{\"error\":\"no stub for " + key + "\"}"));
			byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	void answer(String methodAndPath, int status, String json) {
		this.answers.put(methodAndPath, new Answer(status, json));
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	int calls() {
		return this.calls.get();
	}

	String lastBody() {
		return this.lastBody;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
