package io.sightline.adoption;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.sightline.adoption.clinic.ClinicApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ItTools;
import io.sightline.it.support.ZipkinServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic in one {@link ClinicMode}, forked as its own process on a free loopback port, with a real
 * Zipkin of its own (so that each mode's startup traces stay apart). stdout and stderr are kept in
 * separate files: stdout is the app's console log. Both processes are stopped by their own PIDs.
 */
public final class RunningClinic implements AutoCloseable {

	/** The service name in Zipkin: {@code spring.application.name} of the clinic's application.properties. */
	public static final String SERVICE = "clinic";

	private final ClinicMode mode;

	private final ZipkinServer zipkin;

	private final ForkedApp app;

	private final Path stderr;

	private boolean stopped;

	private RunningClinic(ClinicMode mode, ZipkinServer zipkin, ForkedApp app, Path stderr) {
		this.mode = mode;
		this.zipkin = zipkin;
		this.app = app;
		this.stderr = stderr;
	}

	/** Starts Zipkin, then the clinic (so that no startup span is lost), and waits until both are ready. */
	static RunningClinic start(ClinicMode mode) throws IOException, InterruptedException {
		long started = System.nanoTime();
		ZipkinServer zipkin = ZipkinServer.start();
		Path stderr = Files.createTempFile("sightline-clinic-" + mode.label() + "-", ".err");
		try {
			ForkedApp app = ForkedApp.start(ItTools.javaBin(), ClinicApplication.class.getName(), SERVICE,
					mode.jvmOptions(zipkin), List.of(), "/actuator/health", stderr);
			System.out.printf("clinic (%s, pid %d) and its Zipkin (pid %d) ready in %d ms%n", mode.label(), app.pid(),
					zipkin.pid(), Duration.ofNanos(System.nanoTime() - started).toMillis());
			return new RunningClinic(mode, zipkin, app, stderr);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			zipkin.close();
			throw ex;
		}
	}

	public ClinicMode mode() {
		return this.mode;
	}

	public boolean isStopped() {
		return this.stopped;
	}

	/** A fresh X-Request-Id, which the clinic writes into its log lines. */
	public static String requestId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** GET with the given X-Request-Id. */
	public HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
		return this.app.get(path, Map.of("X-Request-Id", requestId));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.app.get(path);
	}

	/** The first JSON log line whose message contains all these texts, once the clinic has written it. */
	public JsonNode awaitLogLine(String... messageParts) {
		return await("a log line of the " + this.mode.label() + " clinic containing " + List.of(messageParts))
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> findLogLine(messageParts), (line) -> line != null);
	}

	private JsonNode findLogLine(String... messageParts) throws IOException {
		for (JsonNode line : this.app.jsonLogLines()) {
			String message = line.path("message").asString("");
			if (Stream.of(messageParts).allMatch(message::contains)) {
				return line;
			}
		}
		return null;
	}

	/**
	 * Every log line of one request: the lines its thread wrote from the first line whose message contains
	 * {@code first} to the first line after it whose message contains {@code last}, both included. A
	 * container thread serves one request at a time.
	 */
	public List<JsonNode> requestLines(String first, String last) {
		awaitLogLine(last);
		List<JsonNode> lines = new ArrayList<>();
		String thread = null;
		try {
			for (JsonNode line : this.app.jsonLogLines()) {
				String message = line.path("message").asString("");
				if (thread == null) {
					if (message.contains(first)) {
						thread = line.path("process.thread.name").asString("");
						lines.add(line);
					}
				}
				else if (thread.equals(line.path("process.thread.name").asString(""))) {
					lines.add(line);
					if (message.contains(last)) {
						return lines;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("no log line containing '" + last + "' after '" + first
				+ "' on the same thread:\n" + this.app.tail());
	}

	/** GET /owners with a fresh X-Request-Id, which it returns once the request answered 200. */
	public String requestOwners(String prefix) throws IOException, InterruptedException {
		String requestId = requestId(prefix);
		HttpResponse<String> response = get("/owners", requestId);
		assertThat(response.statusCode()).as("GET /owners: %s", response.body()).isEqualTo(200);
		return requestId;
	}

	/** The trace.id of the first log line of GET /owners with this X-Request-Id. */
	public String ownersTraceId(String requestId) {
		return traceIdOf(awaitLogLine("Listing owners (request " + requestId + ")"));
	}

	/**
	 * Every log line of GET /owners with this X-Request-Id (its first line to its last, the SQL Hibernate
	 * logs between them included) carries the trace's id and the id of one of its spans.
	 */
	public void assertOwnersLogLinesBelongTo(String requestId, List<JsonNode> trace) {
		List<JsonNode> lines = requestLines("Listing owners (request " + requestId + ")",
				"Owners listed (request " + requestId + ")");
		assertThat(lines).as("log lines of the request: the controller's two and Hibernate's SQL")
			.hasSizeGreaterThanOrEqualTo(3)
			.anyMatch((line) -> "org.hibernate.SQL".equals(line.path("log.logger").asString("")));
		String traceId = trace.get(0).path("traceId").asString();
		Set<String> spanIds = trace.stream().map((span) -> span.path("id").asString()).collect(Collectors.toSet());
		assertThat(lines).as("log lines of trace %s (spans %s)", traceId, spanIds).allSatisfy((line) -> {
			assertThat(line.path("trace.id").asString("")).as("trace.id of %s", line).isEqualTo(traceId);
			assertThat(line.path("span.id").asString("")).as("span.id of %s", line).isIn(spanIds);
		});
	}

	/** The trace.id of a log line, which must be one. */
	public static String traceIdOf(JsonNode logLine) {
		String traceId = logLine.path("trace.id").asString("");
		assertThat(traceId).as("trace.id of the log line %s", logLine).matches("[0-9a-f]{32}");
		return traceId;
	}

	/** The spans of a trace, once Zipkin has its server span and all else the check asks for. */
	public List<JsonNode> awaitTrace(String traceId, Predicate<List<JsonNode>> complete) {
		String json = await("trace " + traceId + " of the " + this.mode.label() + " clinic in Zipkin")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.zipkin.trace(traceId),
					(trace) -> trace != null && hasKind(Spans.of(trace), "SERVER") && complete.test(Spans.of(trace)));
		return Spans.of(json);
	}

	/**
	 * The spans of a trace once Zipkin has its server span and the trace stopped growing for a second (a
	 * span that ends after the server span would come in a later export).
	 */
	public List<JsonNode> awaitSettledTrace(String traceId) throws IOException, InterruptedException {
		List<JsonNode> spans = awaitTrace(traceId, (trace) -> true);
		while (true) {
			Thread.sleep(1000);
			List<JsonNode> again = Spans.of(this.zipkin.trace(traceId));
			if (again.size() == spans.size()) {
				return again;
			}
			spans = again;
		}
	}

	/** Every span of the clinic that its Zipkin holds, trace by trace. */
	public List<List<JsonNode>> traces() throws IOException, InterruptedException {
		List<List<JsonNode>> traces = new ArrayList<>();
		for (JsonNode trace : ForkedApp.parse(this.zipkin.traces(SERVICE))) {
			List<JsonNode> spans = new ArrayList<>();
			trace.forEach(spans::add);
			traces.add(spans);
		}
		return traces;
	}

	public static boolean hasKind(List<JsonNode> spans, String kind) {
		return spans.stream().anyMatch((span) -> kind.equals(span.path("kind").asString("")));
	}

	/** The console output so far (all of it once stopped). */
	public List<String> stdout() throws IOException {
		return this.app.rawOutputLines();
	}

	public String stderr() throws IOException {
		return Files.readString(this.stderr, StandardCharsets.UTF_8);
	}

	/** Stops the clinic, then its Zipkin, each by its own PID; the output stays readable. */
	@Override
	public synchronized void close() throws InterruptedException {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		try {
			this.app.close();
			keepOutput();
		}
		finally {
			this.zipkin.close();
		}
	}

	/** target/clinic-logs/MODE.log and .err, for whoever reads a failure. */
	private void keepOutput() {
		try {
			Path logs = Path.of("target", "clinic-logs");
			Files.createDirectories(logs);
			Files.write(logs.resolve(this.mode.label() + ".log"), this.app.rawOutput());
			Files.copy(this.stderr, logs.resolve(this.mode.label() + ".err"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			System.err.println("clinic output not kept: " + ex);
		}
	}

}
