package io.sightline.slo;

import java.util.List;
import java.util.Locale;

/**
 * Which server requests an HTTP SLI counts: by {@code uri} template and method, never the actuator's
 * own endpoints (probes and scrapes would dilute the ratio).
 *
 * @param uris uri templates as tagged ({@code /api/orders/{id}}); empty for all
 * @param methods upper-case methods; empty for all
 */
public record HttpRequests(List<String> uris, List<String> methods) {

	public static final HttpRequests ALL = new HttpRequests(List.of(), List.of());

	/** Prefix of the uris that never count. */
	public static final String ACTUATOR_PREFIX = "/actuator";

	public HttpRequests {
		uris = List.copyOf(uris);
		methods = methods.stream().map((method) -> method.toUpperCase(Locale.ROOT)).toList();
	}

	/** Whether a request with these tags counts. */
	public boolean matches(String uri, String method) {
		if (uri == null || uri.startsWith(ACTUATOR_PREFIX)) {
			return false;
		}
		return (this.uris.isEmpty() || this.uris.contains(uri))
				&& (this.methods.isEmpty() || (method != null && this.methods.contains(method)));
	}

}
