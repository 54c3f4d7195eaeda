package io.sightline.otel.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * On by default ({@code sightline.instrumentation.curated=false} turns it off): only the instrumentations
 * a Spring Boot microservice uses, instead of the agent's 300-odd modules. Every module the agent keeps
 * on is matched against every class the application loads, so the full set costs startup time (about
 * 15 % of the agent's startup on one CPU, docs/benchmarks.md) for libraries a Boot service does not
 * have. A setting the user gave for one instrumentation is left untouched.
 */
@AutoService(AutoConfigurationCustomizerProvider.class)
public class CuratedInstrumentationCustomizerProvider implements AutoConfigurationCustomizerProvider {

	public static final String CURATED = "sightline.instrumentation.curated";

	/**
	 * Servers and clients of HTTP, gRPC and messaging that Spring Boot supports, JDBC/R2DBC and the data
	 * stores with Spring Data modules, context propagation (executors, reactor, coroutines), log
	 * correlation and appenders, runtime metrics, and the OpenTelemetry API bridge and annotations.
	 */
	public static final List<String> CURATED_INSTRUMENTATIONS = List.of(
			// HTTP servers and Spring's web stacks
			"tomcat", "jetty", "undertow", "servlet", "spring-webmvc", "spring-web", "spring-webflux", "netty",
			"reactor-netty", "spring-cloud-gateway",
			// HTTP and RPC clients
			"http-url-connection", "java-http-client", "apache-httpclient", "okhttp", "jetty-httpclient", "grpc",
			// databases
			"jdbc", "hikaricp", "r2dbc", "spring-data", "lettuce", "jedis", "mongo", "cassandra", "elasticsearch-rest",
			"elasticsearch-api-client",
			// messaging
			"kafka-clients", "spring-kafka", "reactor-kafka", "jms", "spring-jms", "rabbitmq", "spring-rabbit",
			// context propagation and scheduling
			"executors", "reactor", "kotlinx-coroutines", "spring-scheduling",
			// logs and runtime metrics (turned off again when nothing exports them)
			"logback-mdc", "logback-appender", "log4j-context-data", "log4j-appender", "runtime-telemetry",
			// the application's own spans
			"opentelemetry-api", "opentelemetry-instrumentation-annotations", "annotations", "methods",
			// the agent's own plumbing
			"internal-class-loader", "internal-lambda", "internal-reflection", "internal-url-class-loader",
			"internal-application-logger");

	static Map<String, String> curated(ConfigProperties config) {
		Map<String, String> settings = new LinkedHashMap<>();
		if (!config.getBoolean(CURATED, true)) {
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
