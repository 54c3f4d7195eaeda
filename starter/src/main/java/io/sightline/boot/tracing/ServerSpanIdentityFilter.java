package io.sightline.boot.tracing;

import java.io.IOException;

import io.opentelemetry.api.trace.Span;
import io.sightline.boot.identity.SightlineIdentity;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Agent mode with the stock agent: puts the identity on the agent's server span, which is current while
 * the request runs. (The Sightline javaagent sets it on the resource of every span instead.)
 */
class ServerSpanIdentityFilter implements Filter {

	private final SightlineIdentity identity;

	ServerSpanIdentityFilter(SightlineIdentity identity) {
		this.identity = identity;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Span span = Span.current();
		if (span.getSpanContext().isValid()) {
			span.setAttribute(SightlineIdentity.ENVIRONMENT, this.identity.environment());
			span.setAttribute(SightlineIdentity.VERSION, this.identity.version());
			span.setAttribute(SightlineIdentity.RELEASE_ID, this.identity.releaseId());
			span.setAttribute(SightlineIdentity.INSTANCE_ID, this.identity.instanceId());
		}
		chain.doFilter(request, response);
	}

}
