package io.sightline.boot.tracing;

import java.io.IOException;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.sightline.identity.SightlineIdentity;
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

	private final Map<String, String> attributes;

	ServerSpanIdentityFilter(SightlineIdentity identity) {
		this.attributes = identity.spanAttributes();
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Span span = Span.current();
		if (span.getSpanContext().isValid()) {
			this.attributes.forEach(span::setAttribute);
		}
		chain.doFilter(request, response);
	}

}
