package io.sightline.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.sightline.identity.SightlineIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CapturedLogs} with real Logback and the starter's encoder, without an application context. */
class CapturedLogsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final Logger logger = LoggerFactory.getLogger(CapturedLogsTests.class);

	@RegisterExtension
	CapturedLogs logs = new CapturedLogs("unit-service");

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void capturesEcsJsonWithThePlaceholderIdentity() {
		logger.info("hello {}", "world");

		assertThat(this.logs.lines()).singleElement().satisfies((line) -> {
			assertThat(line.raw()).startsWith("{").endsWith("}").doesNotContain("\n");
			assertThat(line.message()).isEqualTo("hello world");
			assertThat(line.level()).isEqualTo("INFO");
			assertThat(line.field("service.name")).isEqualTo("unit-service");
			assertThat(line.field("labels.release_id")).isEqualTo(CapturedLogs.PLACEHOLDER);
			assertThat(line.field("log.logger")).isEqualTo(CapturedLogsTests.class.getName());
			assertThat(line.json().path("@timestamp").asString()).isNotEmpty();
			assertThat(line.traceId()).isNull();
			assertThat(line.field("no.such.field")).isNull();
		});
		assertThat(this.logs.identity()).isEqualTo(CapturedLogs.placeholderIdentity("unit-service"));
		assertThat(this.logs.isAttached()).isTrue();
	}

	@Test
	void findsLinesByMessageTraceAndPredicate() {
		logger.info("before the request");
		inTrace(() -> {
			logger.info("order 1 looked up");
			logger.warn("order 1 is late");
		});

		assertThat(this.logs.withMessageContaining("looked up")).extracting(CapturedLine::message)
			.containsExactly("order 1 looked up");
		assertThat(this.logs.forTrace(TRACE_ID)).extracting(CapturedLine::spanId).containsOnly(SPAN_ID).hasSize(2);
		assertThat(this.logs.lines((line) -> "WARN".equals(line.level()))).hasSize(1);
		assertThat(this.logs.assertEveryLineOfTraceCarries(TRACE_ID)).hasSize(2);
	}

	@Test
	void assertEveryLineOfTraceCarriesFailsWhenALineInTheMiddleLostTheContext() {
		inTrace(() -> {
			logger.info("first");
			MDC.remove("traceId");
			MDC.remove("spanId");
			logger.info("lost");
			MDC.put("traceId", TRACE_ID);
			MDC.put("spanId", SPAN_ID);
			logger.info("last");
		});

		assertThatThrownBy(() -> this.logs.assertEveryLineOfTraceCarries(TRACE_ID)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Log lines of trace " + TRACE_ID + " missing its trace.id or a span.id (1)")
			.hasMessageContaining("\"message\":\"lost\"");
	}

	@Test
	void assertEveryLineOfTraceCarriesFailsWhenASpanIdIsMissing() {
		MDC.put("traceId", TRACE_ID);
		logger.info("no span id");

		assertThatThrownBy(() -> this.logs.assertEveryLineOfTraceCarries(TRACE_ID)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("no span id");
	}

	@Test
	void assertEveryLineOfTraceCarriesFailsWhenNoLineHasTheTrace() {
		logger.info("unrelated");

		assertThatThrownBy(() -> this.logs.assertEveryLineOfTraceCarries(TRACE_ID)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("No captured log line carries trace.id=" + TRACE_ID)
			// other threads of the JVM may log too: the count is at least this test's own line
			.hasMessageMatching("(?s).*\\(\\d+ line\\(s\\) captured, last: .*");
	}

	@Test
	void linesOfOtherThreadsAreNotAttributedToTheTrace() throws Exception {
		inTrace(() -> {
			logger.info("first");
			CompletableFuture.runAsync(() -> logger.info("background work")).join();
			logger.info("last");
		});
		CompletableFuture.runAsync(() -> logger.info("later")).get(5, TimeUnit.SECONDS);

		assertThat(this.logs.lines()).hasSize(4);
		assertThat(this.logs.assertEveryLineOfTraceCarries(TRACE_ID)).extracting(CapturedLine::message)
			.containsExactly("first", "last");
	}

	@Test
	void clearForgetsCapturedLines() {
		logger.info("one");
		this.logs.clear();
		logger.info("two");

		assertThat(this.logs.lines()).extracting(CapturedLine::message).containsExactly("two");
	}

	@Test
	void attachingAgainKeepsOneAppender() {
		this.logs.attach();
		this.logs.attach();
		logger.info("once");

		assertThat(this.logs.withMessageContaining("once")).hasSize(1);
		assertThat(captureAppenders()).isEqualTo(1);
	}

	@Test
	void reattachesAfterLogbackWasReset() {
		ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		List<Appender<ILoggingEvent>> others = new ArrayList<>();
		root.iteratorForAppenders().forEachRemaining(others::add);
		// What Spring Boot does when an application starts: every appender is removed. The others are put
		// back afterwards, so later test classes in this JVM keep their console.
		others.forEach(root::detachAppender);
		try {
			logger.info("missed");
			assertThat(this.logs.isAttached()).isFalse();

			this.logs.attach();
			logger.info("seen");

			assertThat(this.logs.lines()).extracting(CapturedLine::message).containsExactly("seen");
			assertThat(this.logs.isAttached()).isTrue();
		}
		finally {
			others.stream().filter((appender) -> !CapturedLogs.APPENDER_NAME.equals(appender.getName()))
				.forEach(root::addAppender);
		}
	}

	@Test
	void explicitIdentityAndManualLifecycle() {
		SightlineIdentity identity = new SightlineIdentity("orders", "ci", "1.2.3", "rel-9", "node-1");
		CapturedLogs manual = new CapturedLogs(identity);
		manual.attach();
		try {
			logger.info("with identity");
		}
		finally {
			manual.detach();
		}
		logger.info("after detach");

		assertThat(manual.isAttached()).isFalse();
		assertThat(manual.lines()).singleElement().satisfies((line) -> {
			assertThat(line.field("service.name")).isEqualTo("orders");
			assertThat(line.field("service.environment")).isEqualTo("ci");
			assertThat(line.field("service.version")).isEqualTo("1.2.3");
			assertThat(line.field("labels.release_id")).isEqualTo("rel-9");
			assertThat(line.field("service.node.name")).isEqualTo("node-1");
		});
		assertThat(captureAppenders()).as("only this test's extension-managed appender").isEqualTo(1);
	}

	@Test
	void invalidJsonIsKeptRawWithAMissingNode() {
		CapturedLine line = CapturedLogs.parse("not json");

		assertThat(line.raw()).isEqualTo("not json");
		assertThat(line.json().isMissingNode()).isTrue();
		assertThat(line.message()).isNull();
	}

	private static void inTrace(Runnable action) {
		MDC.put("traceId", TRACE_ID);
		MDC.put("spanId", SPAN_ID);
		try {
			action.run();
		}
		finally {
			MDC.remove("traceId");
			MDC.remove("spanId");
		}
	}

	private static long captureAppenders() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Iterator<Appender<ILoggingEvent>> appenders = context
			.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.iteratorForAppenders();
		long count = 0;
		while (appenders.hasNext()) {
			if (CapturedLogs.APPENDER_NAME.equals(appenders.next().getName())) {
				count++;
			}
		}
		return count;
	}

}
