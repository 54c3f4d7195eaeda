package io.sightline.boot.servicegraph;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Iterator;

import io.sightline.boot.servicegraph.ServiceGraphMeters.ConnectionType;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP server side of service-graph edges. Ordered after the tracing filters (the agent's server
 * span, or Spring's server observation), so the incoming baggage has been extracted: reads the caller
 * from it (or from the {@code baggage} header when tracing exposes none), makes this service the caller
 * of everything done while handling the request, and records the edge when the response is complete,
 * after async processing too. A status of 500 or more, or an exception escaping, is a failed edge.
 * Actuator requests (scrapes, probes) are not edges and are skipped.
 */
public class ServiceGraphFilter implements Filter {

	private static final String APPLIED = ServiceGraphFilter.class.getName() + ".applied";

	private final ServiceGraphMeters meters;

	private final CallerBaggage baggage;

	private final String actuatorBasePath;

	private final int managementPort;

	/**
	 * @param meters records the edges
	 * @param baggage reads and sets the caller in the current context
	 * @param actuatorBasePath requests under this path (relative to the context path) are skipped
	 * @param managementPort requests to this local port are skipped (0 or less: none)
	 */
	public ServiceGraphFilter(ServiceGraphMeters meters, CallerBaggage baggage, String actuatorBasePath,
			int managementPort) {
		this.meters = meters;
		this.baggage = baggage;
		this.actuatorBasePath = normalize(actuatorBasePath);
		this.managementPort = managementPort;
	}

	private static String normalize(String path) {
		if (path == null || path.isBlank() || "/".equals(path.trim())) {
			return "";
		}
		String trimmed = path.trim();
		trimmed = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
				|| request.getAttribute(APPLIED) != null || skip(request)) {
			chain.doFilter(req, res);
			return;
		}
		request.setAttribute(APPLIED, Boolean.TRUE);
		long start = System.nanoTime();
		String client = Callers.sanitize(incomingCaller(request));
		CallerBaggage.Scope scope = CallerBaggage.actAsQuietly(this.baggage, this.meters.server());
		boolean async = false;
		boolean closeOnCompletion = false;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// a context-bound (not thread-bound) caller stays set until the async work is done
				boolean deferClose = !scope.threadBound();
				request.getAsyncContext()
					.addListener(new CompletionListener(client, start, response, deferClose ? scope : null));
				closeOnCompletion = deferClose;
				async = true;
			}
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			record(client, true, start);
			throw ex;
		}
		finally {
			if (!closeOnCompletion) {
				scope.close();
			}
		}
		if (!async) {
			record(client, response.getStatus() >= 500, start);
		}
	}

	private String incomingCaller(HttpServletRequest request) {
		String fromContext = CallerBaggage.currentQuietly(this.baggage);
		if (fromContext != null) {
			return fromContext;
		}
		return Callers.fromBaggageHeaders(iterator(request.getHeaders(Callers.BAGGAGE_HEADER)));
	}

	boolean skip(HttpServletRequest request) {
		if (this.managementPort > 0 && request.getLocalPort() == this.managementPort) {
			return true;
		}
		if (this.actuatorBasePath.isEmpty()) {
			return false;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
		return path.equals(this.actuatorBasePath) || path.startsWith(this.actuatorBasePath + "/");
	}

	private void record(String client, boolean failed, long start) {
		this.meters.record(client, ConnectionType.HTTP, failed, System.nanoTime() - start);
	}

	private static Iterator<String> iterator(Enumeration<String> values) {
		return (values != null) ? values.asIterator() : null;
	}

	/** Records the edge of an async request once it completes, with its final status. */
	private final class CompletionListener implements AsyncListener {

		private final String client;

		private final long start;

		private final HttpServletResponse response;

		private final CallerBaggage.Scope scope;

		private volatile boolean error;

		CompletionListener(String client, long start, HttpServletResponse response, CallerBaggage.Scope scope) {
			this.client = client;
			this.start = start;
			this.response = response;
			this.scope = scope;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			if (this.scope != null) {
				this.scope.close();
			}
			ServletResponse completed = event.getSuppliedResponse();
			int status = (completed instanceof HttpServletResponse http) ? http.getStatus() : this.response.getStatus();
			record(this.client, this.error || status >= 500, this.start);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			// the container then dispatches for error handling, and completes
		}

		@Override
		public void onError(AsyncEvent event) {
			this.error = true;
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
