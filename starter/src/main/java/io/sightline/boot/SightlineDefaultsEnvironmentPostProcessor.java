package io.sightline.boot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.sightline.identity.IdentitySettings;
import io.sightline.identity.SightlineIdentity;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sightline's defaults for Spring Boot properties, added with the lowest precedence so that any value
 * the user sets (properties, YAML, env, command line) wins.
 */
public class SightlineDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String PROPERTY_SOURCE_NAME = "sightlineDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Actuator: only what a scraper, a prober and a human need over HTTP.
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.show-details", "when-authorized");
		defaults.put("management.endpoint.health.show-components", "when-authorized");
		defaults.put("management.info.build.enabled", "true");
		defaults.put("management.info.git.enabled", "true");
		// Exemplars only where OpenMetrics allows them (histogram buckets, counters): Micrometer also puts
		// them on _count lines, and Prometheus then rejects the whole scrape.
		defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
				"false");
		// Propagation: produce W3C, accept W3C and B3 from older callers.
		defaults.put("management.tracing.propagation.produce", "w3c");
		defaults.put("management.tracing.propagation.consume", "w3c,b3");
		// Influx push only when pointed somewhere: Boot would otherwise push to localhost:8086 as soon as
		// micrometer-registry-influx is on the class path, and log an error every step.
		if (!environment.containsProperty("management.influx.metrics.export.uri")) {
			defaults.put("management.influx.metrics.export.enabled", "false");
		}
		// The influx registry logs an ERROR per failed push (every step while InfluxDB is down); Sightline's
		// sender counts the drops and logs the outage once instead (metrics.push.InfluxPushAutoConfiguration).
		defaults.put("logging.level.io.micrometer.influx.InfluxMeterRegistry", "off");
		// The console is one ECS JSON object per line: Boot's plain-text banner would be the first line
		// a log shipper has to skip.
		if (jsonConsole(environment)) {
			defaults.put("spring.main.banner-mode", "off");
		}
		String env = environment.getProperty(IdentitySettings.ENVIRONMENT, SightlineIdentity.DEFAULT_ENVIRONMENT);
		if (SightlineIdentity.DEFAULT_ENVIRONMENT.equalsIgnoreCase(env.trim())) {
			defaults.put("management.tracing.sampling.probability", "1.0");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static boolean jsonConsole(ConfigurableEnvironment environment) {
		boolean logging = !"false".equalsIgnoreCase(environment.getProperty("sightline.logging.enabled", "true").trim());
		boolean text = "text".equalsIgnoreCase(environment.getProperty("sightline.logging.console", "json").trim());
		return logging && !text;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
