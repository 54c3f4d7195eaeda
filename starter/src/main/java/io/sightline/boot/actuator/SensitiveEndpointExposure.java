package io.sightline.boot.actuator;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.core.env.Environment;

/** The actuator endpoints whose exposure over HTTP deserves a warning, and the warning itself. */
final class SensitiveEndpointExposure {

	static final String INCLUDE = "management.endpoints.web.exposure.include";

	private static final Logger logger = LoggerFactory.getLogger(SensitiveEndpointExposure.class);

	/** Each endpoint id with what it gives away, as the warning says it. */
	static final Map<String, String> SENSITIVE = Map.ofEntries(Map.entry("env", "configuration values"),
			Map.entry("configprops", "configuration values"), Map.entry("heapdump", "memory contents"),
			Map.entry("threaddump", "thread stacks"), Map.entry("loggers", "log levels, writable"),
			Map.entry("logfile", "the log file"), Map.entry("shutdown", "stopping the application"),
			Map.entry("beans", "the application's structure"), Map.entry("mappings", "every route"),
			Map.entry("conditions", "the auto-configuration report"),
			Map.entry("scheduledtasks", "scheduled jobs"), Map.entry("httpexchanges", "recent requests"),
			Map.entry("sessions", "user sessions"), Map.entry("auditevents", "security events"),
			Map.entry("caches", "cache contents, clearable"), Map.entry("startup", "the startup timeline"),
			Map.entry("flyway", "database migrations"), Map.entry("liquibase", "database migrations"),
			Map.entry("quartz", "scheduled jobs, triggerable"), Map.entry("integrationgraph", "message flows"),
			Map.entry("sbom", "every dependency and its version"));

	private SensitiveEndpointExposure() {
	}

	/** The sensitive endpoints among those exposed, sorted. */
	static List<String> sensitiveAmong(Iterable<PathMappedEndpoint> exposed) {
		return StreamSupport.<PathMappedEndpoint>stream(exposed.spliterator(), false)
			.map(SensitiveEndpointExposure::id)
			.filter(SENSITIVE::containsKey)
			.collect(Collectors.toCollection(TreeSet<String>::new))
			.stream()
			.toList();
	}

	/** The endpoint's id; its root path is the id unless management.endpoints.web.path-mapping renames it. */
	private static String id(PathMappedEndpoint endpoint) {
		return (endpoint instanceof ExposableEndpoint<?> exposable) ? exposable.getEndpointId().toLowerCaseString()
				: endpoint.getRootPath();
	}

	static void warnIfExposed(Iterable<PathMappedEndpoint> exposed, Environment environment) {
		List<String> sensitive = sensitiveAmong(exposed);
		if (sensitive.isEmpty()) {
			return;
		}
		String what = String.join(", ", sensitive.stream().map((id) -> id + " (" + SENSITIVE.get(id) + ")").toList());
		logger.warn("The actuator exposes sensitive endpoints over HTTP: {}; {}={}. Expose only what you need "
				+ "(Sightline's default is health,info,prometheus), or secure them and keep them on an internal "
				+ "management.server.port", what, INCLUDE, environment.getProperty(INCLUDE, ""));
	}

}
