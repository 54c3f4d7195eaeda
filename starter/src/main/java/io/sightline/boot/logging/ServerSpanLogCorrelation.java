package io.sightline.boot.logging;

import java.io.IOException;
import java.util.Objects;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Agentless, keeps the server span's ids in the MDC for the lines a request writes after Spring's
 * {@link ServerHttpObservationFilter} has closed the span's scope: the container's
 * {@code Servlet.service() ... threw exception} line, the error page dispatch ({@code /error}) and
 * whatever else runs before the container ends the request.
 * <p>
 * Two parts, registered together. The {@link Listener} marks each request the container starts
 * ({@code requestInitialized}) and removes the ids when the container destroys it
 * ({@code requestDestroyed}, after error page handling, on the request's thread). The {@link Filter},
 * outside the observation filter, puts the ids into the MDC once the chain has returned or thrown,
 * read from the observation context the observation filter left on the request; only for a marked,
 * synchronous request, so there is always a {@code requestDestroyed} to remove them (no mark in
 * MockMvc, which fires no listeners; an async request ends on another thread and is left alone).
 * The ids put are also remembered per thread, and the next request on that thread removes them
 * first, should a request have ended without {@code requestDestroyed}: a stale id on a later
 * request's line is worse than none.
 */
final class ServerSpanLogCorrelation implements Filter {

	/** The MDC keys of Micrometer Tracing, which Boot's Brave setup writes inside the span's scope. */
	static final String TRACE_ID = "traceId";

	static final String SPAN_ID = "spanId";

	private static final String STARTED = ServerSpanLogCorrelation.class.getName() + ".STARTED";

	/** The trace and span id this thread's request put into the MDC; null when none is left. */
	private static final ThreadLocal<String[]> LEFT = new ThreadLocal<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.getAttribute(STARTED) != null && request.getDispatcherType() == DispatcherType.REQUEST
					&& !request.isAsyncStarted() && request instanceof HttpServletRequest http) {
				keepServerSpanIds(http);
			}
		}
	}

	private static void keepServerSpanIds(HttpServletRequest request) {
		TraceContext span = ServerHttpObservationFilter.findObservationContext(request)
			.map((context) -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.map(Span::context)
			.orElse(null);
		if (span == null || span.traceId() == null || span.spanId() == null) {
			return;
		}
		removeLeft();
		MDC.put(TRACE_ID, span.traceId());
		MDC.put(SPAN_ID, span.spanId());
		LEFT.set(new String[] { span.traceId(), span.spanId() });
	}

	/** Removes what this thread left in the MDC, unless someone has put other values since. */
	static void removeLeft() {
		String[] left = LEFT.get();
		if (left == null) {
			return;
		}
		LEFT.remove();
		if (Objects.equals(MDC.get(TRACE_ID), left[0])) {
			MDC.remove(TRACE_ID);
		}
		if (Objects.equals(MDC.get(SPAN_ID), left[1])) {
			MDC.remove(SPAN_ID);
		}
	}

	/** Marks the requests the container starts, and takes the ids out of the MDC when it ends them. */
	static final class Listener implements ServletRequestListener {

		@Override
		public void requestInitialized(ServletRequestEvent event) {
			removeLeft();
			event.getServletRequest().setAttribute(STARTED, Boolean.TRUE);
		}

		@Override
		public void requestDestroyed(ServletRequestEvent event) {
			removeLeft();
		}

	}

}
