package io.sightline.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

import org.springframework.core.Ordered;

/**
 * Captures finished spans in memory (agentless tracing mode), for assertions in tests.
 *
 * <p>Register it with {@link AutoConfigureSightlineTest @AutoConfigureSightlineTest} or
 * {@code @Import(SightlineTestConfiguration.class)} and inject it with {@code @Autowired}. Spring Boot
 * adds every {@link SpanHandler} bean to Brave; this one runs last, so it sees spans after the starter's
 * identity and redaction handler, exactly as they would be reported.
 *
 * <p>Memory is bounded: at most {@link #DEFAULT_CAPACITY} spans are kept; the oldest ones are dropped
 * first and counted in {@link #dropped()}. All accessors return immutable snapshots.
 *
 * <p>Spans finish asynchronously with respect to the client: a server span ends after the response has
 * been written, so use {@link #awaitTrace(String, Duration)} before asserting on a request's spans.
 */
public class CapturedSpans extends SpanHandler implements Ordered {

	/** Spans kept by the no-argument constructor. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private static final long POLL_MILLIS = 20;

	private final int capacity;

	private final Object lock = new Object();

	private final Deque<CapturedSpan> spans = new ArrayDeque<>();

	/** Spans begun but not yet ended, per trace id: a trace is complete when its count is back to zero. */
	private final Map<String, Integer> inFlight;

	private long dropped;

	/** Keeps at most {@value #DEFAULT_CAPACITY} spans. */
	public CapturedSpans() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * @param capacity maximum number of finished spans kept; older ones are dropped
	 */
	public CapturedSpans(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.capacity = capacity;
		// Also bounded: a span that never ends (a leak in the code under test) must not grow memory forever.
		this.inFlight = new LinkedHashMap<>(16, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
				return size() > capacity;
			}
		};
	}

	/** @return the maximum number of spans kept */
	public int capacity() {
		return this.capacity;
	}

	/** Records that a span of the trace started, so {@link #awaitTrace} can wait for it to end. */
	@Override
	public boolean begin(TraceContext context, MutableSpan span, TraceContext parent) {
		synchronized (this.lock) {
			this.inFlight.merge(context.traceIdString(), 1, Integer::sum);
		}
		return true;
	}

	/** Captures finished and flushed spans; abandoned spans are only counted as no longer in flight. */
	@Override
	public boolean end(TraceContext context, MutableSpan span, Cause cause) {
		String traceId = context.traceIdString();
		CapturedSpan captured = (cause != Cause.ABANDONED) ? new CapturedSpan(traceId, context.spanIdString(),
				context.parentIdString(), span.name(), span.kind(), span.tags(), span.localServiceName()) : null;
		synchronized (this.lock) {
			this.inFlight.computeIfPresent(traceId, (id, count) -> (count > 1) ? count - 1 : null);
			if (captured != null) {
				if (this.spans.size() >= this.capacity) {
					this.spans.removeFirst();
					this.dropped++;
				}
				this.spans.addLast(captured);
			}
		}
		return true;
	}

	/** Abandoned spans must reach {@link #end} too, or their trace would look in flight forever. */
	@Override
	public boolean handlesAbandoned() {
		return true;
	}

	/**
	 * Runs after every handler of default order, including the starter's identity handler (highest
	 * precedence), so captured spans carry the identity tags and redacted values.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** @return every captured span, oldest first */
	public List<CapturedSpan> all() {
		synchronized (this.lock) {
			return List.copyOf(this.spans);
		}
	}

	/**
	 * @param traceId a trace id as written in logs ({@code trace.id}), lower-hex
	 * @return the captured spans of that trace, oldest first
	 */
	public List<CapturedSpan> forTrace(String traceId) {
		List<CapturedSpan> result = new ArrayList<>();
		synchronized (this.lock) {
			for (CapturedSpan span : this.spans) {
				if (span.traceId().equals(traceId)) {
					result.add(span);
				}
			}
		}
		return List.copyOf(result);
	}

	/**
	 * @param traceId a trace id, lower-hex
	 * @return the captured {@code SERVER} spans of that trace; a request handled once has exactly one
	 */
	public List<CapturedSpan> serverSpans(String traceId) {
		return forTrace(traceId).stream().filter(CapturedSpan::isServer).toList();
	}

	/**
	 * Waits until the trace has at least one finished span and no span of it that started in this JVM
	 * is still running, then returns its spans.
	 * @param traceId a trace id, lower-hex
	 * @param timeout how long to wait
	 * @return the trace's captured spans, oldest first
	 * @throws AssertionError when the trace is not complete in time, naming what was captured
	 */
	public List<CapturedSpan> awaitTrace(String traceId, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<CapturedSpan> trace;
			int running;
			synchronized (this.lock) {
				trace = forTrace(traceId);
				running = this.inFlight.getOrDefault(traceId, 0);
			}
			if (!trace.isEmpty() && running == 0) {
				return trace;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError("Trace " + traceId + " not complete after " + timeout + ": " + trace.size()
						+ " span(s) finished " + names(trace) + ", " + running + " still running. "
						+ "Is the tracing mode agentless, and is the trace id the one in the log line's trace.id?");
			}
			sleep();
		}
	}

	/** Forgets every captured span and resets {@link #dropped()}; spans still running are still awaited. */
	public void clear() {
		synchronized (this.lock) {
			this.spans.clear();
			this.dropped = 0;
		}
	}

	/** @return how many spans were dropped (oldest first) because more than {@link #capacity()} were captured */
	public long dropped() {
		synchronized (this.lock) {
			return this.dropped;
		}
	}

	private static List<String> names(List<CapturedSpan> trace) {
		return trace.stream().map((span) -> span.kind() + " " + span.name()).toList();
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for a trace", ex);
		}
	}

	@Override
	public String toString() {
		synchronized (this.lock) {
			return "CapturedSpans[" + this.spans.size() + " span(s), " + this.dropped + " dropped]";
		}
	}

}
