package io.sightline.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.sightline.boot.SightlineProperties;
import io.sightline.boot.logging.LoggingProperties;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.logging.EcsEncoders;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A JUnit 5 extension that captures every log line, encoded by the starter's ECS JSON encoder, so a
 * test can assert what the service logs and that its lines carry the trace context.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static CapturedLogs logs = new CapturedLogs();
 * </pre>
 *
 * <p>Before each test the captured lines are cleared and an appender is attached to the root Logback
 * logger; after each test (and after all) it is detached. Attaching happens in {@code beforeEach} on
 * purpose: when a {@code SpringApplication} starts, Spring Boot resets Logback and removes every
 * appender, and a {@code @SpringBootTest} context has started by then. If a test starts another
 * application itself (for example with {@code SpringApplication.run}), call {@link #attach()} again
 * after it started.
 *
 * <p>The identity written on each line ({@code service.name}, {@code labels.release_id}, ...) is the
 * application's {@link SightlineIdentity} when the test runs with Spring's {@code SpringExtension} (as
 * {@code @SpringBootTest} does) and the context has one; otherwise the identity given to the
 * constructor, else a placeholder built from the fallback service name.
 *
 * <p>At most {@link #DEFAULT_CAPACITY} lines are kept; older ones are dropped first.
 */
public class CapturedLogs implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/** Lines kept; older ones are dropped first. */
	public static final int DEFAULT_CAPACITY = 10_000;

	/** Name of the appender on the root logger, to tell it apart from the application's own. */
	public static final String APPENDER_NAME = "SIGHTLINE_TEST_CAPTURE";

	/** Placeholder identity values used when no {@link SightlineIdentity} is available. */
	public static final String PLACEHOLDER = "test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SightlineIdentity explicitIdentity;

	private final String fallbackServiceName;

	private final Object lock = new Object();

	private final Deque<CapturedLine> lines = new ArrayDeque<>();

	private SightlineIdentity contextIdentity;

	private LoggingProperties contextLogging;

	private CaptureAppender appender;

	/** Falls back to a placeholder identity whose service name is {@value #PLACEHOLDER}. */
	public CapturedLogs() {
		this(PLACEHOLDER);
	}

	/**
	 * @param fallbackServiceName service name of the placeholder identity, used when the test has no
	 * application context with a {@link SightlineIdentity}
	 */
	public CapturedLogs(String fallbackServiceName) {
		this.explicitIdentity = null;
		this.fallbackServiceName = Objects.requireNonNull(fallbackServiceName, "fallbackServiceName");
	}

	/**
	 * @param identity identity written on every captured line, whatever the application context has
	 */
	public CapturedLogs(SightlineIdentity identity) {
		this.explicitIdentity = Objects.requireNonNull(identity, "identity");
		this.fallbackServiceName = identity.serviceName();
	}

	/**
	 * @param serviceName the service name
	 * @return an identity with {@value #PLACEHOLDER} for everything but the service name
	 */
	public static SightlineIdentity placeholderIdentity(String serviceName) {
		return new SightlineIdentity(serviceName, PLACEHOLDER, PLACEHOLDER, PLACEHOLDER, PLACEHOLDER);
	}

	/** Clears the captured lines and attaches the appender, using the test's application context if any. */
	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext applicationContext = SpringContexts.find(context);
		this.contextIdentity = (applicationContext != null)
				? applicationContext.getBeanProvider(SightlineIdentity.class).getIfAvailable() : null;
		SightlineProperties properties = (applicationContext != null)
				? applicationContext.getBeanProvider(SightlineProperties.class).getIfAvailable() : null;
		this.contextLogging = (properties != null) ? properties.logging() : null;
		clear();
		attach();
	}

	/** Detaches the appender, so later tests' logging is not captured. */
	@Override
	public void afterEach(ExtensionContext context) {
		detach();
	}

	/** Detaches the appender, in case a test attached it outside the per-test lifecycle. */
	@Override
	public void afterAll(ExtensionContext context) {
		detach();
	}

	/**
	 * Attaches (or re-attaches) the capturing appender to the root logger. Call it again after starting
	 * a Spring application inside a test: Spring Boot's logging initialisation removes all appenders.
	 * Captured lines are kept.
	 */
	public void attach() {
		LoggerContext loggerContext = loggerContext();
		synchronized (this.lock) {
			detachLocked();
			CaptureAppender capture = new CaptureAppender(this);
			capture.setName(APPENDER_NAME);
			capture.setContext(loggerContext);
			capture.encoder = EcsEncoders.create(loggerContext, identity(), logging());
			capture.start();
			loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
			this.appender = capture;
		}
	}

	/** Detaches the capturing appender; captured lines are kept. Does nothing when not attached. */
	public void detach() {
		synchronized (this.lock) {
			detachLocked();
		}
	}

	/** @return whether the appender is currently attached to the root logger and running */
	public boolean isAttached() {
		synchronized (this.lock) {
			if (this.appender == null || !this.appender.isStarted()) {
				return false;
			}
			Logger root = ((LoggerContext) this.appender.getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			return root.isAttached(this.appender);
		}
	}

	/** @return the identity written on captured lines: explicit, else the application's, else a placeholder */
	public SightlineIdentity identity() {
		if (this.explicitIdentity != null) {
			return this.explicitIdentity;
		}
		return (this.contextIdentity != null) ? this.contextIdentity : placeholderIdentity(this.fallbackServiceName);
	}

	/** @return every captured line, oldest first */
	public List<CapturedLine> lines() {
		synchronized (this.lock) {
			return List.copyOf(this.lines);
		}
	}

	/**
	 * @param filter which lines to keep
	 * @return the captured lines that match, oldest first
	 */
	public List<CapturedLine> lines(Predicate<? super CapturedLine> filter) {
		return lines().stream().filter(filter).toList();
	}

	/**
	 * @param text text to look for in {@code message}
	 * @return the captured lines whose message contains the text, oldest first
	 */
	public List<CapturedLine> withMessageContaining(String text) {
		return lines((line) -> line.message() != null && line.message().contains(text));
	}

	/**
	 * @param traceId a trace id, lower-hex
	 * @return the captured lines whose {@code trace.id} is that trace id, oldest first
	 */
	public List<CapturedLine> forTrace(String traceId) {
		return lines((line) -> traceId.equals(line.traceId()));
	}

	/**
	 * Asserts that the trace's log lines carry its context: at least one line has {@code trace.id}, each
	 * such line has a {@code span.id}, and no line is missing the trace id in the middle of the request,
	 * that is, on a thread that logged for the trace, between that thread's first and last line of it.
	 * Lines of other threads cannot be attributed to the request and are not checked.
	 * @param traceId a trace id, lower-hex
	 * @return the trace's lines, oldest first
	 * @throws AssertionError when the contract is broken, listing the offending lines
	 */
	public List<CapturedLine> assertEveryLineOfTraceCarries(String traceId) {
		List<CapturedLine> all = lines();
		Map<String, int[]> windows = new LinkedHashMap<>();
		List<CapturedLine> traced = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			CapturedLine line = all.get(i);
			if (traceId.equals(line.traceId())) {
				traced.add(line);
				int index = i;
				windows.merge(String.valueOf(line.threadName()), new int[] { i, i },
						(window, ignored) -> new int[] { window[0], index });
			}
		}
		if (traced.isEmpty()) {
			throw new AssertionError("No captured log line carries trace.id=" + traceId + " (" + all.size()
					+ " line(s) captured" + (all.isEmpty() ? "; is CapturedLogs attached after the application started?"
							: ", last: " + all.get(all.size() - 1).raw()) + ")");
		}
		List<CapturedLine> violations = new ArrayList<>();
		for (CapturedLine line : traced) {
			if (line.spanId() == null || line.spanId().isEmpty()) {
				violations.add(line);
			}
		}
		for (Map.Entry<String, int[]> window : windows.entrySet()) {
			for (int i = window.getValue()[0]; i <= window.getValue()[1]; i++) {
				CapturedLine line = all.get(i);
				if (window.getKey().equals(String.valueOf(line.threadName())) && !traceId.equals(line.traceId())) {
					violations.add(line);
				}
			}
		}
		if (!violations.isEmpty()) {
			StringBuilder message = new StringBuilder("Log lines of trace ").append(traceId)
				.append(" missing its trace.id or a span.id (").append(violations.size()).append("):");
			violations.forEach((line) -> message.append(System.lineSeparator()).append("  ").append(line.raw()));
			throw new AssertionError(message.toString());
		}
		return List.copyOf(traced);
	}

	/** Forgets every captured line. */
	public void clear() {
		synchronized (this.lock) {
			this.lines.clear();
		}
	}

	private void capture(CapturedLine line) {
		synchronized (this.lock) {
			if (this.lines.size() >= DEFAULT_CAPACITY) {
				this.lines.removeFirst();
			}
			this.lines.addLast(line);
		}
	}

	private void detachLocked() {
		CaptureAppender current = this.appender;
		if (current != null) {
			((LoggerContext) current.getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(current);
			current.stop();
			this.appender = null;
		}
	}

	private LoggingProperties logging() {
		return (this.contextLogging != null) ? this.contextLogging : new LoggingProperties();
	}

	private static LoggerContext loggerContext() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			return context;
		}
		throw new IllegalStateException("CapturedLogs needs Logback as the SLF4J backend, found "
				+ factory.getClass().getName());
	}

	static CapturedLine parse(String raw) {
		JsonNode json;
		try {
			json = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			json = MissingNode.getInstance();
		}
		return new CapturedLine(raw, (json != null) ? json : MissingNode.getInstance());
	}

	/** Encodes each event with the ECS encoder, as the console would, and keeps the text. */
	private static final class CaptureAppender extends AppenderBase<ILoggingEvent> {

		private final CapturedLogs target;

		private Encoder<ILoggingEvent> encoder;

		CaptureAppender(CapturedLogs target) {
			this.target = target;
		}

		@Override
		protected void append(ILoggingEvent event) {
			String text = new String(this.encoder.encode(event), StandardCharsets.UTF_8);
			int end = text.length();
			while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
				end--;
			}
			this.target.capture(parse(text.substring(0, end)));
		}

		@Override
		public void stop() {
			super.stop();
			this.encoder.stop();
		}

	}

	/** Finds the application context of a test that runs with Spring's extension, without creating one. */
	private static final class SpringContexts {

		static ApplicationContext find(ExtensionContext context) {
			for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
				if (usesSpringExtension(type)) {
					return SpringExtension.getApplicationContext(context);
				}
			}
			return null;
		}

		private static boolean usesSpringExtension(Class<?> type) {
			return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
				.stream(ExtendWith.class)
				.anyMatch((extendWith) -> List.of(extendWith.getClassArray("value")).contains(SpringExtension.class));
		}

	}

}
