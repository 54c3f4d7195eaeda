package io.sightline.deploy.properties;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Says what an environment variable of a service's container configures: a property of the service's
 * configuration metadata (Spring Boot's own relaxed binding decides the mapping), a placeholder of its
 * application*.properties, a key of the javaagent, or the JVM itself. Empty: nothing reads it.
 */
public final class ServiceEnvironment {

	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	private final ServiceJarProperties service;

	private final Set<String> agentKeys;

	public ServiceEnvironment(ServiceJarProperties service, Set<String> agentKeys) {
		this.service = service;
		this.agentKeys = agentKeys;
	}

	public Optional<String> target(String variable) {
		if (JVM_VARIABLES.contains(variable)) {
			return Optional.of("the JVM");
		}
		if (this.service.placeholders().contains(variable)) {
			return Optional.of("${" + variable + "} in application*.properties");
		}
		Optional<String> property = springProperty(variable);
		if (property.isPresent()) {
			return property;
		}
		String agentKey = AgentPropertyKeys.normalize(variable);
		if (this.agentKeys.contains(agentKey)) {
			return Optional.of("agent key " + agentKey);
		}
		return Optional.empty();
	}

	private Optional<String> springProperty(String variable) {
		// Boot treats a source of this name as the process environment (SystemEnvironmentPropertyMapper)
		ConfigurationPropertySource environment = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
		for (Map.Entry<String, String> property : this.service.typesByProperty().entrySet()) {
			if (!ConfigurationPropertyName.isValid(property.getKey())) {
				continue;
			}
			ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getKey());
			if (environment.getConfigurationProperty(name) != null) {
				return Optional.of("property " + property.getKey());
			}
			if (property.getValue().startsWith("java.util.Map")
					&& environment.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return Optional.of("an entry of the map property " + property.getKey());
			}
		}
		return Optional.empty();
	}

}
