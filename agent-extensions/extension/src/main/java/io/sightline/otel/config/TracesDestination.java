package io.sightline.otel.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.sightline.identity.BuildMetadata;

/**
 * Where the agent sends traces, chosen by the same setting as agentless mode:
 * {@code management.tracing.export.zipkin.endpoint}. The first that applies wins:
 * <ol>
 * <li>the user's own {@code otel.traces.exporter} (the endpoint, when Zipkin is chosen, still defaults to
 * the setting below);</li>
 * <li>an OTLP endpoint the user set ({@code otel.exporter.otlp.endpoint} or
 * {@code otel.exporter.otlp.traces.endpoint}): OTLP;</li>
 * <li>{@code management.tracing.export.zipkin.endpoint}, as a system property, the
 * {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT} environment variable, then the application's own
 * application.properties, application.yml or application.yaml: Zipkin, to that URL;</li>
 * <li>nothing: traces are not exported ({@code none}), instead of OTLP to a localhost port where nothing
 * listens.</li>
 * </ol>
 * The outcome is announced in system properties, so that the starter (which logs JSON) can warn once,
 * naming the property to set.
 */
public record TracesDestination(String exporter, String zipkinEndpoint, String source) {

	/** Boot 4's agentless Zipkin endpoint property ({@code ZipkinProperties}). */
	public static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	/** Announced: the {@code otel.traces.exporter} in effect. */
	public static final String EXPORTER_ANNOUNCEMENT = "io.sightline.otel.traces-exporter";

	/** Announced when a Zipkin exporter is in effect: its endpoint. */
	public static final String ZIPKIN_ENDPOINT_ANNOUNCEMENT = "io.sightline.otel.traces-zipkin-endpoint";

	/** Announced: which setting chose the exporter, or {@link #UNCONFIGURED}. */
	public static final String SOURCE_ANNOUNCEMENT = "io.sightline.otel.traces-source";

	/** The source when no setting says where traces go. */
	public static final String UNCONFIGURED = "unconfigured";

	static final String TRACES_EXPORTER = "otel.traces.exporter";

	static final String OTEL_ZIPKIN_ENDPOINT = "otel.exporter.zipkin.endpoint";

	/** The agent's own default when Zipkin is chosen without an endpoint. */
	static final String AGENT_ZIPKIN_DEFAULT = "http://localhost:9411/api/v2/spans";

	private static final List<String> OTLP_ENDPOINTS = List.of("otel.exporter.otlp.endpoint",
			"otel.exporter.otlp.traces.endpoint");

	/** The destination for this configuration and application class path. */
	public static TracesDestination resolve(ConfigProperties config, ClassLoader applicationClassLoader) {
		String appEndpoint = applicationZipkinEndpoint(config, applicationClassLoader);
		String exporter = config.getString(TRACES_EXPORTER);
		if (exporter != null && !exporter.isBlank()) {
			String endpoint = null;
			if (config.getList(TRACES_EXPORTER).contains("zipkin")) {
				endpoint = firstNonNull(config.getString(OTEL_ZIPKIN_ENDPOINT), appEndpoint, AGENT_ZIPKIN_DEFAULT);
			}
			return new TracesDestination(exporter, endpoint, TRACES_EXPORTER);
		}
		for (String otlpEndpoint : OTLP_ENDPOINTS) {
			if (config.getString(otlpEndpoint) != null) {
				return new TracesDestination("otlp", null, otlpEndpoint);
			}
		}
		if (appEndpoint != null) {
			return new TracesDestination("zipkin", firstNonNull(config.getString(OTEL_ZIPKIN_ENDPOINT), appEndpoint),
					ZIPKIN_ENDPOINT);
		}
		return new TracesDestination("none", null, UNCONFIGURED);
	}

	/** The settings to add to the agent's configuration: never one the user set. */
	public Map<String, String> settings(ConfigProperties config) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (config.getString(TRACES_EXPORTER) == null) {
			settings.put(TRACES_EXPORTER, this.exporter);
		}
		if (this.zipkinEndpoint != null && config.getString(OTEL_ZIPKIN_ENDPOINT) == null) {
			settings.put(OTEL_ZIPKIN_ENDPOINT, this.zipkinEndpoint);
		}
		return settings;
	}

	/** Tells the starter what was chosen (the agent's classes are invisible to it, system properties are not). */
	public void announce() {
		System.setProperty(EXPORTER_ANNOUNCEMENT, this.exporter);
		System.setProperty(SOURCE_ANNOUNCEMENT, this.source);
		if (this.zipkinEndpoint != null) {
			System.setProperty(ZIPKIN_ENDPOINT_ANNOUNCEMENT, this.zipkinEndpoint);
		}
		else {
			System.clearProperty(ZIPKIN_ENDPOINT_ANNOUNCEMENT);
		}
	}

	/**
	 * {@code management.tracing.export.zipkin.endpoint} as the agent can see it: the agent's configuration
	 * (system property, environment variable), then the application's own files. Null when unset or not
	 * an http(s) URL (the starter then fails startup naming the property), or when the value is a
	 * {@code ${placeholder}} only Spring can resolve (the starter then warns).
	 */
	static String applicationZipkinEndpoint(ConfigProperties config, ClassLoader applicationClassLoader) {
		String configured = config.getString(ZIPKIN_ENDPOINT);
		if (configured == null || configured.isBlank()) {
			configured = BuildMetadata.read(applicationClassLoader, AgentSettings.APPLICATION_PROPERTIES)
				.getProperty(ZIPKIN_ENDPOINT);
		}
		if (configured == null || configured.isBlank()) {
			configured = ApplicationYaml.read(applicationClassLoader, ZIPKIN_ENDPOINT);
		}
		return isHttpUrl(configured) ? configured.trim() : null;
	}

	/** An absolute http or https URL with a host. */
	public static boolean isHttpUrl(String value) {
		if (value == null || value.isBlank() || value.contains("${")) {
			return false;
		}
		try {
			URI uri = new URI(value.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
