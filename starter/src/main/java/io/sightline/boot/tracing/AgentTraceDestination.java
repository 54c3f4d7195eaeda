package io.sightline.boot.tracing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.PropertyResolver;

/**
 * In agent mode, the one check of where traces go, said once in the application's own (JSON) log: the
 * agent, not Spring, exports spans, so {@code management.tracing.export.zipkin.endpoint} counts only
 * where the agent reads it. Sightline's agent reads it from system properties, the environment and the
 * application's own application.properties/yml, and announces what it chose in system properties
 * ({@code io.sightline.otel.traces-*}); the stock agent does not read it at all. An endpoint that is not an
 * http(s) URL fails startup, naming the property.
 */
final class AgentTraceDestination {

	static final String ENDPOINT_PROPERTY = "management.tracing.export.zipkin.endpoint";

	static final String EXPORTER_ANNOUNCEMENT = "io.sightline.otel.traces-exporter";

	static final String ZIPKIN_ENDPOINT_ANNOUNCEMENT = "io.sightline.otel.traces-zipkin-endpoint";

	static final String SOURCE_ANNOUNCEMENT = "io.sightline.otel.traces-source";

	static final String UNCONFIGURED = "unconfigured";

	private static final Logger logger = LoggerFactory.getLogger(AgentTraceDestination.class);

	private static final String HOW_TO_SET = "set " + ENDPOINT_PROPERTY
			+ " (e.g. http://zipkin:9411/api/v2/spans) in application.properties or application.yml, as -D"
			+ ENDPOINT_PROPERTY + "=… or as MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT";

	private AgentTraceDestination() {
	}

	/** Validates the endpoint and logs the warning, if any: once per application context. */
	static void check(PropertyResolver environment) {
		warning(environment).ifPresent(logger::warn);
	}

	/**
	 * What is wrong with where the agent sends traces, if anything.
	 * @throws IllegalStateException when the endpoint is set but not an http(s) URL
	 */
	static Optional<String> warning(PropertyResolver environment) {
		String endpoint = endpoint(environment);
		String exporter = environment.getProperty(EXPORTER_ANNOUNCEMENT);
		if (exporter == null) {
			// the stock agent (or no agent at all): it reads only otel.exporter.zipkin.endpoint
			if (endpoint != null && !endpoint.equals(environment.getProperty("otel.exporter.zipkin.endpoint"))) {
				return Optional.of("Traces are not sent to " + ENDPOINT_PROPERTY + "=" + endpoint
						+ ": the OpenTelemetry agent does not read it. Attach sightline-javaagent.jar, which does, or pass"
						+ " -Dotel.traces.exporter=zipkin -Dotel.exporter.zipkin.endpoint=" + endpoint);
			}
			return Optional.empty();
		}
		String agentZipkin = environment.getProperty(ZIPKIN_ENDPOINT_ANNOUNCEMENT);
		if (UNCONFIGURED.equals(environment.getProperty(SOURCE_ANNOUNCEMENT))) {
			if (endpoint == null) {
				return Optional.of("Traces are not exported: no trace destination is configured. To send them to Zipkin, "
						+ HOW_TO_SET + "; for an OpenTelemetry Collector set otel.exporter.otlp.endpoint");
			}
			return Optional.of("Traces are not exported: " + ENDPOINT_PROPERTY + "=" + endpoint
					+ " is set where the agent cannot read it (a profile-specific or external config file, a"
					+ " command-line argument, a placeholder). Instead, " + HOW_TO_SET);
		}
		if (endpoint != null && !endpoint.equals(agentZipkin)) {
			String where = (agentZipkin != null) ? "Zipkin at " + agentZipkin : "the '" + exporter + "' exporter";
			return Optional.of("Traces go to " + where + ", not to " + ENDPOINT_PROPERTY + "=" + endpoint
					+ ": the agent's otel.traces.exporter / otel.exporter.* settings win over it");
		}
		return Optional.empty();
	}

	/** The endpoint set in Spring's environment, null when unset; a value that is not a URL fails. */
	private static String endpoint(PropertyResolver environment) {
		String endpoint = environment.getProperty(ENDPOINT_PROPERTY);
		if (endpoint == null || endpoint.isBlank()) {
			return null;
		}
		if (!isHttpUrl(endpoint)) {
			throw new IllegalStateException("Invalid " + ENDPOINT_PROPERTY + ": '" + endpoint
					+ "' is not an http(s) URL; set the Zipkin spans URL, e.g. http://zipkin:9411/api/v2/spans");
		}
		return endpoint.trim();
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value.trim());
			String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
