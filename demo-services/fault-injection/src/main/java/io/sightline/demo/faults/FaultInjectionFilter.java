package io.sightline.demo.faults;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Injects latency and errors into application requests. Actuator requests are spared, so probes and
 * scrapes keep reporting what the faults do.
 */
public class FaultInjectionFilter extends OncePerRequestFilter {

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
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "injected fault");
			return;
		}
		chain.doFilter(request, response);
	}

}
