package io.sightline.otel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Opt-in ({@code sightline.instrumentation.curated=true}): only the instrumentations a Spring Boot
 * microservice uses, instead of the agent's 300-odd modules. Off by default until measurements show it
 * pays (see docs/agent.md). A setting the user gave for one instrumentation is left untouched.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class CuratedInstrumentationCustomizerProvider implements AutoConfigurationCustomizerProvider {

	public static final String CURATED = "sightline.instrumentation.curated";

	/** Servlet/MVC/WebFlux servers and clients, JDBC, Kafka, Redis, Mongo, context propagation, logs. */
	public static final List<String> CURATED_INSTRUMENTATIONS = List.of("tomcat", "servlet", "spring-webmvc",
			"spring-web", "spring-webflux", "reactor", "reactor-netty", "netty", "http-url-connection",
			"java-http-client", "apache-httpclient", "jdbc", "hikaricp", "spring-data",
			"kafka-clients", "spring-kafka", "lettuce", "jedis", "mongo", "executors", "spring-scheduling",
			"logback-mdc", "opentelemetry-api", "opentelemetry-instrumentation-annotations", "annotations", "methods",
			"internal-class-loader", "internal-lambda", "internal-reflection", "internal-url-class-loader",
			"internal-application-logger");

	static Map<String, String> curated(ConfigProperties config) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (!config.getBoolean(CURATED, false)) {
			return settings;
		}
		if (config.getString("otel.instrumentation.common.default-enabled") == null) {
			settings.put("otel.instrumentation.common.default-enabled", "false");
		}
		for (String name : CURATED_INSTRUMENTATIONS) {
			String key = "otel.instrumentation." + name + ".enabled";
			if (config.getString(key) == null) {
				settings.put(key, "true");
			}
		}
		return settings;
	}

	@Override
	public void customize(AutoConfigurationCustomizer autoConfiguration) {
		autoConfiguration.addPropertiesCustomizer(CuratedInstrumentationCustomizerProvider::curated);
	}

}
