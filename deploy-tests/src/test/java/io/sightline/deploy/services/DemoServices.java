package io.sightline.deploy.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sightline.deploy.properties.AgentPropertyKeys;
import io.sightline.deploy.properties.ServiceEnvironment;
import io.sightline.deploy.properties.ServiceJarProperties;
import io.sightline.it.support.ItTools;

/** The four demo services the deploy artifacts run, and what their jars and the agent accept (read once). */
public final class DemoServices {

	public static final List<String> NAMES = List.of("gateway", "order-service", "payment-service",
			"inventory-service");

	/** Management port = application port + this, everywhere (launcher, compose, Kubernetes, Prometheus). */
	public static final int MANAGEMENT_OFFSET = 1000;

	private static final Map<String, ServiceJarProperties> JARS = new ConcurrentHashMap<>();

	private static volatile Set<String> agentKeys;

	private DemoServices() {
	}

	/** The service's runnable jar, copied by Maven to target/deploy-lib. */
	public static Path jarPath(String service) {
		return ItTools.tool(service + ".jar").toAbsolutePath();
	}

	public static Path agentJarPath() {
		return ItTools.tool("sightline-javaagent.jar").toAbsolutePath();
	}

	public static ServiceJarProperties jar(String service) {
		return JARS.computeIfAbsent(service, (name) -> ServiceJarProperties.read(jarPath(name)));
	}

	public static Set<String> agentKeys() {
		if (agentKeys == null) {
			agentKeys = AgentPropertyKeys.read(agentJarPath());
		}
		return agentKeys;
	}

	public static ServiceEnvironment environment(String service) {
		return new ServiceEnvironment(jar(service), agentKeys());
	}

	/** server.port of the jar's application.properties. */
	public static int applicationPort(String service) {
		return Integer.parseInt(jar(service).applicationProperty("server.port"));
	}

	public static int managementPort(String service) {
		return applicationPort(service) + MANAGEMENT_OFFSET;
	}

}
