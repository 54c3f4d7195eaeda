package io.sightline.boot.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.sightline.identity.SightlineIdentity;
import io.sightline.redaction.RedactionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The ECS encoder on a real Logback context, checked on the raw bytes it writes. */
class EcsEncodersTests {

	static final SightlineIdentity IDENTITY = new SightlineIdentity("orders", "test", "1.0.0", "abc123-20261125T120000Z",
			"instance-1");

	static final String CARD = "4111-1111-1111-1111";

	static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.Zm9vYmFyYmF6cXV4";

	private final JsonMapper json = JsonMapper.builder().build();

	private LoggerContext context;

	private ByteArrayOutputStream out;

	private Logger logger;

	@BeforeEach
	void setUp() {
		LogRedaction.install(RedactionPolicy.defaults());
		LoggingProperties logging = new LoggingProperties();
		logging.setMaxMessageLength(200);
		this.context = new LoggerContext();
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		this.out = new ByteArrayOutputStream();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setEncoder(EcsEncoders.create(this.context, IDENTITY, logging));
		appender.setOutputStream(this.out);
		appender.start();
		this.logger = this.context.getLogger("test.logger");
		this.logger.setLevel(Level.INFO);
		this.logger.addAppender(appender);
	}

	@AfterEach
	void tearDown() {
		MDC.clear();
		this.context.stop();
	}

	private List<String> lines() {
		String text = this.out.toString(StandardCharsets.UTF_8);
		assertThat(text).endsWith("\n");
		return List.of(text.split("\n"));
	}

	private JsonNode single() {
		List<String> lines = lines();
		assertThat(lines).hasSize(1);
		return this.json.readTree(lines.get(0));
	}

	@Test
	void writesEcsFieldsAndIdentity() {
		this.logger.info("order {} placed", 42);
		JsonNode line = single();
		assertThat(line.path("@timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
		assertThat(line.path("log.level").asString()).isEqualTo("INFO");
		assertThat(line.path("log.logger").asString()).isEqualTo("test.logger");
		assertThat(line.path("message").asString()).isEqualTo("order 42 placed");
		assertThat(line.path("process.thread.name").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(line.path("service.name").asString()).isEqualTo("orders");
		assertThat(line.path("service.version").asString()).isEqualTo("1.0.0");
		assertThat(line.path("service.environment").asString()).isEqualTo("test");
		assertThat(line.path("service.node.name").asString()).isEqualTo("instance-1");
		assertThat(line.path("labels.release_id").asString()).isEqualTo("abc123-20261125T120000Z");
		assertThat(line.path("ecs.version").asString()).isEqualTo("8.11");
		assertThat(line.has("trace.id")).isFalse();
	}

	@Test
	void traceIdsFromMicrometerTracingMdc() {
		MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		MDC.put("spanId", "b7ad6b7169203331");
		this.logger.info("traced");
		JsonNode line = single();
		assertThat(line.path("trace.id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(line.path("span.id").asString()).isEqualTo("b7ad6b7169203331");
		assertThat(line.has("labels.traceId")).isFalse();
	}

	@Test
	void traceIdsFromAgentMdcKeysGiveTheSameShape() {
		MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
		MDC.put("span_id", "b7ad6b7169203331");
		MDC.put("trace_flags", "01");
		this.logger.info("traced");
		JsonNode line = single();
		assertThat(line.path("trace.id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(line.path("span.id").asString()).isEqualTo("b7ad6b7169203331");
		assertThat(line.has("labels.trace_id")).isFalse();
		assertThat(line.has("labels.trace_flags")).isFalse();
	}

	@Test
	void mdcAndKeyValuePairsBecomeLabels() {
		MDC.put("order_id", "o-1");
		this.logger.atInfo().addKeyValue("customer", "c-9").log("with labels");
		JsonNode line = single();
		assertThat(line.path("labels.order_id").asString()).isEqualTo("o-1");
		assertThat(line.path("labels.customer").asString()).isEqualTo("c-9");
	}

	@Test
	void noKeyIsWrittenTwice() {
		MDC.put("release_id", "from-mdc");
		MDC.put("order_id", "o-1");
		this.logger.atInfo().addKeyValue("order_id", "o-2").addKeyValue("k", "1").addKeyValue("k", "2").log("dupes");
		String line = lines().get(0);
		for (String key : List.of("\"labels.release_id\"", "\"labels.order_id\"", "\"labels.k\"")) {
			assertThat(line.split(java.util.regex.Pattern.quote(key), -1)).as(key).hasSize(2);
		}
		JsonNode json = this.json.readTree(line);
		assertThat(json.path("labels.release_id").asString()).isEqualTo(IDENTITY.releaseId());
		assertThat(json.path("labels.order_id").asString()).isEqualTo("o-1");
		assertThat(json.path("labels.k").asString()).isEqualTo("1");
	}

	@Test
	void crlfInjectionYieldsExactlyOneLine() {
		this.logger.info("hello\r\n{\"log.level\":\"ERROR\",\"message\":\"forged\"}\r\n\u0000\u001b[2J\u2028end");
		List<String> lines = lines();
		assertThat(lines).hasSize(1);
		JsonNode line = this.json.readTree(lines.get(0));
		assertThat(line.path("log.level").asString()).isEqualTo("INFO");
		assertThat(line.path("message").asString()).startsWith("hello\r\n{\"log.level\":\"ERROR\"");
		assertThat(this.out.toByteArray()).doesNotContain((byte) '\r').doesNotContain((byte) 0);
	}

	@Test
	void secretsInMessageArgumentsMdcAndExceptionNeverReachTheBytes() {
		MDC.put("payment_card", CARD);
		MDC.put("password", "mdc-secret-value");
		this.logger.info("card " + CARD + " with Bearer abc.def-ghi and jwt " + JWT);
		this.logger.info("login password={} token={}", "arg-secret-1", JWT);
		this.logger.error("failed", new IllegalStateException("password=exc-secret-2 card " + CARD));
		byte[] bytes = this.out.toByteArray();
		String raw = new String(bytes, StandardCharsets.UTF_8);
		for (String secret : List.of(CARD, CARD.replace("-", ""), JWT, "abc.def-ghi", "arg-secret-1", "exc-secret-2",
				"mdc-secret-value")) {
			assertThat(raw).as("raw output must not contain %s", secret).doesNotContain(secret);
		}
		assertThat(raw).contains("[REDACTED]");
		assertThat(lines()).hasSize(3);
	}

	@Test
	void longMessagesAreTruncatedWithAMarker() {
		this.logger.info("x".repeat(100_000));
		JsonNode line = single();
		String message = line.path("message").asString();
		assertThat(message).startsWith("x".repeat(200)).contains("[truncated 99800 chars]");
		assertThat(message.length()).isLessThan(260);
	}

	@Test
	void exceptionsGiveEcsErrorFields() {
		this.logger.warn("boom", new IllegalArgumentException("bad input"));
		JsonNode line = single();
		assertThat(line.path("error.type").asString()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(line.path("error.message").asString()).isEqualTo("bad input");
		assertThat(line.path("error.stack_trace").asString()).contains("EcsEncodersTests");
	}

	@Test
	void userPolicyReplacesTheDefaultOne() {
		LogRedaction.install(RedactionPolicy.builder().customPatterns(List.of("ORD-\\d+")).build());
		this.logger.info("order ORD-12345 shipped");
		assertThat(single().path("message").asString()).doesNotContain("ORD-12345");
	}

	@Test
	void mapOfFieldsIsStable() {
		Map<String, String> attributes = IDENTITY.asAttributes();
		assertThat(attributes).containsEntry("service.name", "orders")
			.containsEntry("deployment.environment.name", "test")
			.containsEntry("sightline.release.id", "abc123-20261125T120000Z");
	}

}
