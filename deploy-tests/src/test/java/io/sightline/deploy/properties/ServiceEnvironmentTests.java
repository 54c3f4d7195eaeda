package io.sightline.deploy.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.sightline.deploy.compose.ComposeFile;
import io.sightline.deploy.k8s.ContainerEnvironment;
import io.sightline.deploy.k8s.KubernetesManifests;
import io.sightline.deploy.repository.Repository;
import io.sightline.deploy.services.DemoServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable a demo service gets in compose or on Kubernetes configures something real: a
 * property of the service jar's configuration metadata (the Sightline starter's or Spring Boot's, mapped
 * with Boot's relaxed binding), a placeholder of its application*.properties, a key the javaagent reads,
 * or the JVM.
 */
class ServiceEnvironmentTests {

	static final List<String> SERVICES = DemoServices.NAMES;

	private static final Repository REPOSITORY = Repository.locate();

	@ParameterizedTest
	@FieldSource("SERVICES")
	void composeVariablesMapToRealProperties(String service) {
		Map<String, String> env = ComposeFile.load(REPOSITORY).service(service).environment();
		assertThat(env).isNotEmpty();
		assertEveryVariableIsRead(service, env.keySet(), Set.of());
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void kubernetesVariablesMapToRealProperties(String service) {
		List<EnvVar> env = KubernetesManifests.load(REPOSITORY).container(service).getEnv();
		// Downward API helpers are fine when another variable refers to them with $(NAME)
		List<String> referenced = new ArrayList<>();
		env.forEach((variable) -> referenced.addAll(ContainerEnvironment.references(variable.getValue())));
		assertEveryVariableIsRead(service, env.stream().map(EnvVar::getName).toList(), Set.copyOf(referenced));
	}

	@Test
	void theMappingKnowsTheStarterBootAndAgentAndRefusesTypos() {
		ServiceEnvironment gateway = DemoServices.environment("gateway");
		assertThat(gateway.target("SIGHTLINE_LOGGING_LOGSTASH_DESTINATIONS")).contains("property sightline.logging.logstash.destinations");
		assertThat(gateway.target("SIGHTLINE_EVENTS_INFLUX_FLUSHINTERVAL")).contains("property sightline.events.influx.flush-interval");
		assertThat(gateway.target("MANAGEMENT_SERVER_PORT")).contains("property management.server.port");
		assertThat(gateway.target("OTEL_EXPORTER_OTLP_ENDPOINT")).contains("agent key otel.exporter.otlp.endpoint");
		assertThat(gateway.target("SIGHTLINE_SAMPLER_RATIO")).contains("agent key sightline.sampler.ratio");
		assertThat(gateway.target("ORDER_SERVICE_URL")).contains("${ORDER_SERVICE_URL} in application*.properties");
		assertThat(gateway.target("SIGHTLINE_LOGING_LOGSTASH_DESTINATIONS")).isEmpty();
		assertThat(gateway.target("OTEL_EXPORTER_OTLP_ENDPIONT")).isEmpty();
		assertThat(gateway.target("KAFKA_BOOTSTRAP")).as("not read by the gateway").isEmpty();
	}

	private static void assertEveryVariableIsRead(String service, Iterable<String> variables, Set<String> helpers) {
		ServiceEnvironment environment = DemoServices.environment(service);
		Map<String, String> unread = new LinkedHashMap<>();
		for (String variable : variables) {
			Optional<String> target = environment.target(variable);
			if (target.isEmpty() && !helpers.contains(variable)) {
				unread.put(variable, "nothing in " + service + " or the agent reads it");
			}
		}
		assertThat(unread).as(service).isEmpty();
	}

}
