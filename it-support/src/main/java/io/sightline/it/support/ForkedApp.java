package io.sightline.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Boot application in a forked JVM on a free loopback port, optionally with a javaagent, its
 * console output kept for assertions. It runs from the current test class path.
 */
public final class ForkedApp implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ManagedProcess process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ForkedApp(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	public static ForkedApp start(String mainClass, String name, List<String> agentArgs, List<String> appArgs)
			throws IOException, InterruptedException {
		return start(ItTools.javaBin(), mainClass, name, agentArgs, appArgs, "/actuator/health");
	}

	/**
	 * @param javaBin the java executable (another JDK can run the same classes)
	 * @param mainClass the application's main class, on the current class path
	 * @param name spring.application.name
	 * @param agentArgs JVM options, e.g. the agent, or an empty list
	 * @param appArgs Spring arguments ({@code --key=value})
	 * @param readiness URL (absolute, or a path on the app port) that answers 200 once the app is ready
	 */
	public static ForkedApp start(String javaBin, String mainClass, String name, List<String> agentArgs,
			List<String> appArgs, String readiness) throws IOException, InterruptedException {
		return start(javaBin, mainClass, name, agentArgs, appArgs, readiness, null);
	}

	/**
	 * As {@link #start(String, String, String, List, List, String)}, with stderr written to its own file
	 * when {@code errors} is not null (stdout alone is then the console output).
	 */
	public static ForkedApp start(String javaBin, String mainClass, String name, List<String> agentArgs,
			List<String> appArgs, String readiness, Path errors) throws IOException, InterruptedException {
		int port = ItTools.freePort();
		List<String> command = new ArrayList<>();
		command.add(javaBin);
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Dspring.application.name=" + name);
		command.addAll(agentArgs);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.add("--server.port=" + port);
		command.add("--server.address=127.0.0.1");
		command.addAll(appArgs);
		ManagedProcess process = ManagedProcess.start(name, command, Map.of(),
				Files.createTempFile("sightline-" + name + "-", ".log"), errors);
		ForkedApp app = new ForkedApp(process, port);
		try {
			process.awaitHttpOk(readiness.startsWith("http") ? readiness : app.url(readiness), Duration.ofSeconds(120));
		}
		catch (RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
		return app;
	}

	/** JVM options that attach the stock agent and export spans to Zipkin only. */
	public static List<String> stockAgent(ZipkinServer zipkin) {
		return List.of("-javaagent:" + ItTools.agentJar(), "-Dotel.traces.exporter=zipkin",
				"-Dotel.exporter.zipkin.endpoint=" + zipkin.spansEndpoint(), "-Dotel.metrics.exporter=none",
				"-Dotel.logs.exporter=none", "-Dotel.bsp.schedule.delay=200", "-Dotel.javaagent.logging=simple");
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, Map.of());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		return getUrl(url(path), headers);
	}

	/** GET on any loopback URL, e.g. a separate management port. */
	public HttpResponse<String> getUrl(String url, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The OpenMetrics exposition, where exemplars appear. */
	public String scrapeOpenMetrics() throws IOException, InterruptedException {
		return get("/actuator/prometheus", Map.of("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"))
			.body();
	}

	/** Console output lines that are JSON objects (all of them, once logging is configured). */
	public List<JsonNode> jsonLogLines() throws IOException {
		return this.process.outputLines()
			.stream()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.collect(Collectors.toList());
	}

	public List<String> rawOutputLines() throws IOException {
		return this.process.outputLines();
	}

	public byte[] rawOutput() throws IOException {
		return this.process.outputBytes();
	}

	public String tail() {
		return this.process.tail();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}
