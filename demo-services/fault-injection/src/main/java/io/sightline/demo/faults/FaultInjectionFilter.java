package io.sightline.demo.faults;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Injects latency and errors into application requests. Actuator requests are spared, so probes and
 * scrapes keep reporting what the faults do. Each injected error is logged at ERROR with an exception, as
 * a real failure would be, so error logs, Kibana's error searches and the error-log alert see it too.
 */
public class FaultInjectionFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(FaultInjectionFilter.class);

	private final FaultInjector injector;

	private final String actuatorBasePath;

	public FaultInjectionFilter(FaultInjector injector, String actuatorBasePath) {
		this.injector = injector;
		this.actuatorBasePath = actuatorBasePath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(this.actuatorBasePath);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long delay = this.injector.delayMillis();
		if (delay > 0) {
			try {
				// the injected fault is the delay itself
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.injector.shouldFail()) {
			// a constant message, so that "top error messages" groups them; the request goes into labels.*
			logger.atError()
				.addKeyValue("http_method", request.getMethod())
				.addKeyValue("url_path", request.getRequestURI())
				.setCause(new InjectedFaultException("injected fault (error rate)"))
				.log("Request failed with 503: injected fault");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "injected fault");
			return;
		}
		chain.doFilter(request, response);
	}

}
