package io.sightline.boot.logging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real embedded Tomcat, agentless (Micrometer Tracing with Brave), and the starter's ECS JSON console:
 * the lines a request writes after its server span's scope has closed (Tomcat's
 * {@code Servlet.service() ... threw exception}, the {@code /error} dispatch) carry the server span's
 * {@code trace.id}/{@code span.id}, and nothing of them is left on the thread for the next request.
 * One Tomcat thread, so the next request runs on the same thread. An engine valve, outside everything
 * the container does for a request, logs where each request enters and leaves the thread.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=log-correlation", "server.tomcat.threads.max=1",
				"server.tomcat.threads.min-spare=1", "management.tracing.sampling.probability=1.0",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
class ServerSpanLogCorrelationApplicationTests {

	static final String VALVE_LOGGER = "test.valve";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String nonce = UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	int port;

	@Autowired
	ServerSpans serverSpans;

	@Test
	void linesAfterTheServerSpansScopeCarryItsIdsAndTheNextRequestOnTheThreadNone(CapturedOutput output)
			throws Exception {
		assertThat(send("GET", "/boom?n=" + this.nonce).statusCode()).isEqualTo(500);
		assertThat(send("GET", "/ok?n=" + this.nonce).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/ok?n=" + this.nonce + "-post").statusCode()).isEqualTo(405);

		MutableSpan boomSpan = this.serverSpans.withUri("/boom");
		List<JsonNode> boom = linesOf(output, "/boom?n=" + this.nonce);
		JsonNode tomcatError = single(boom, (line) -> line.path("log.level").asString().equals("ERROR")
				&& line.path("log.logger").asString().startsWith("org.apache.catalina.core.ContainerBase")
				&& line.path("message").asString().contains("threw exception"), "Tomcat's ERROR line");
		assertThat(tomcatError.path("message").asString()).contains("boom " + this.nonce);
		assertIds(tomcatError, boomSpan);
		assertIds(single(boom, (line) -> line.path("message").asString().contains("\"ERROR\" dispatch for GET \"/error"),
				"the /error dispatch's line"), boomSpan);
		// the request's own line, inside the scope, as before
		assertIds(single(boom, (line) -> line.path("message").asString().equals("boom handling " + this.nonce),
				"the controller's line"), boomSpan);
		JsonNode boomLeft = single(boom, (line) -> isValve(line, "left"), "the valve's line after the request");
		assertThat(boomLeft.has("trace.id")).as("line after the request ended: %s", boomLeft).isFalse();

		MutableSpan okSpan = this.serverSpans.withUri("/ok");
		assertThat(okSpan.traceId()).isNotEqualTo(boomSpan.traceId());
		List<JsonNode> ok = linesOf(output, "/ok?n=" + this.nonce);
		JsonNode okEntered = single(ok, (line) -> isValve(line, "entered"), "the valve's line before the next request");
		assertThat(okEntered.path("process.thread.name").asString())
			.as("the next request runs on the thread of the failed one")
			.isEqualTo(tomcatError.path("process.thread.name").asString());
		assertThat(okEntered.has("trace.id")).as("next request's first line: %s", okEntered).isFalse();
		assertIds(single(ok, (line) -> line.path("message").asString().equals("ok handled " + this.nonce),
				"the next request's own line"), okSpan);
		for (JsonNode line : ok) {
			assertThat(line.path("trace.id").asString("")).as("no id of the failed request: %s", line)
				.isNotEqualTo(boomSpan.traceId());
		}

		// a 405 Spring MVC resolves inside the scope (no handler: its uri tag is UNKNOWN), then the error page
		// dispatch, which Tomcat forwards as a GET
		MutableSpan postSpan = this.serverSpans.withUri("UNKNOWN");
		List<JsonNode> post = linesOf(output, "/ok?n=" + this.nonce + "-post");
		assertIds(single(post, (line) -> line.path("log.level").asString().equals("WARN")
				&& line.path("message").asString().startsWith("Resolved [")
				&& line.path("message").asString().contains("HttpRequestMethodNotSupportedException"),
				"Spring MVC's resolved-exception line"), postSpan);
		assertIds(single(post, (line) -> line.path("message").asString().contains("\"ERROR\" dispatch for GET \"/error"),
				"the /error dispatch's line"), postSpan);
		JsonNode postLeft = single(post, (line) -> isValve(line, "left"), "the valve's line after the request");
		assertThat(postLeft.has("trace.id")).as("line after the request ended: %s", postLeft).isFalse();
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertIds(JsonNode line, MutableSpan server) {
		assertThat(line.path("trace.id").asString(null)).as("trace.id of %s", line).isEqualTo(server.traceId());
		assertThat(line.path("span.id").asString(null)).as("span.id of %s", line).isEqualTo(server.id());
	}

	private static boolean isValve(JsonNode line, String where) {
		return line.path("log.logger").asString().equals(VALVE_LOGGER)
				&& line.path("message").asString().startsWith(where + " ");
	}

	private static JsonNode single(List<JsonNode> lines, Predicate<JsonNode> match, String what) {
		List<JsonNode> found = lines.stream().filter(match).toList();
		assertThat(found).as("%s among the request's lines:%n%s", what, describe(lines)).hasSize(1);
		return found.get(0);
	}

	private static String describe(List<JsonNode> lines) {
		StringBuilder text = new StringBuilder();
		for (JsonNode line : lines) {
			text.append(line.path("log.level").asString()).append(' ').append(line.path("log.logger").asString())
				.append(": ").append(line.path("message").asString()).append(" [trace.id=")
				.append(line.path("trace.id").asString("-")).append(", span.id=")
				.append(line.path("span.id").asString("-")).append("]%n".formatted());
		}
		return text.toString();
	}

	/**
	 * The JSON lines the request's thread wrote from the valve's "entered" line to its "left" line, once
	 * the latter is there.
	 */
	private static List<JsonNode> linesOf(CapturedOutput output, String uri) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			List<JsonNode> lines = new ArrayList<>();
			String thread = null;
			JsonMapper json = JsonMapper.builder().build();
			for (String text : output.getOut().split("\\R")) {
				if (!text.startsWith("{")) {
					continue;
				}
				JsonNode line = json.readTree(text);
				if (thread == null) {
					if (line.path("log.logger").asString().equals(VALVE_LOGGER)
							&& line.path("message").asString().equals("entered " + uri)) {
						thread = line.path("process.thread.name").asString();
						lines.add(line);
					}
				}
				else if (thread.equals(line.path("process.thread.name").asString())) {
					lines.add(line);
					if (isValve(line, "left")) {
						assertThat(line.path("message").asString()).isEqualTo("left " + uri);
						return lines;
					}
				}
			}
			return null;
		}, (lines) -> lines != null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

		@Bean
		ServerSpans serverSpans() {
			return new ServerSpans();
		}

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> entryExitValve() {
			return (factory) -> factory.addEngineValves(new EntryExitValve());
		}

	}

	@RestController
	static class Endpoints {

		private static final Logger logger = LoggerFactory.getLogger(Endpoints.class);

		@GetMapping("/boom")
		String boom(@RequestParam String n) {
			logger.info("boom handling {}", n);
			throw new IllegalStateException("boom " + n);
		}

		@GetMapping("/ok")
		String ok(@RequestParam String n) {
			logger.info("ok handled {}", n);
			return "ok";
		}

	}

	/** Logs, on the request's thread, before the container starts a request and after it is done. */
	static class EntryExitValve extends ValveBase {

		private static final Logger logger = LoggerFactory.getLogger(VALVE_LOGGER);

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String uri = request.getRequestURI() + "?" + request.getQueryString();
			logger.info("entered {}", uri);
			try {
				getNext().invoke(request, response);
			}
			finally {
				logger.info("left {}", uri);
			}
		}

	}

	/** The server spans Brave finished, as reported. */
	static class ServerSpans extends SpanHandler {

		private final Queue<MutableSpan> spans = new ConcurrentLinkedQueue<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			if (cause == Cause.FINISHED && span.kind() == brave.Span.Kind.SERVER) {
				this.spans.add(span);
			}
			return true;
		}

		/** The server span whose uri tag is the given one. */
		MutableSpan withUri(String uri) {
			return await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.spans.stream().filter((span) -> uri.equals(span.tag("uri"))).findFirst().orElse(null),
						(span) -> span != null);
		}

	}

}
