package io.sightline.deploy.k8s;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.sightline.deploy.compose.ServiceDockerfile;
import io.sightline.deploy.repository.Repository;
import io.sightline.deploy.services.DemoServices;
import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a real demo service the way its image and Deployment start it (the Dockerfile's ENTRYPOINT, the
 * Deployment's env with the Downward API answered, the agent attached, the JVM told the container's memory
 * limit), on free loopback ports instead of the container's, and calls the paths its probes use.
 */
class ProbesAgainstRunningServiceTests {

	/** Needs neither Kafka nor a database to start; ServiceManifestTests checks every service probes alike. */
	static final String SERVICE = "gateway";

	static final String POD = "gateway-6b7c9d5f4-x2x9z";

	static final String NAMESPACE = "sightline-test";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void theDeploymentsProbesAnswerOnTheRunningService(@TempDir Path temp) throws Exception {
		Repository repository = Repository.locate();
		Container container = KubernetesManifests.load(repository).container(SERVICE);
		long memoryLimit = container.getResources().getLimits().get("memory").getNumericalAmount().longValueExact();
		Map<String, Integer> ports = Map.of("http", ItTools.freePort(), "management", ItTools.freePort());

		Map<String, String> env = ContainerEnvironment.resolve(container, ProbesAgainstRunningServiceTests::downwardApi);
		env.put("SERVER_PORT", String.valueOf(ports.get("http")));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(ports.get("management")));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		env.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS").replace(ServiceManifestTests.AGENT_PATH,
				DemoServices.agentJarPath().toString()) + " -XX:MaxRAM=" + memoryLimit);
		// spans go nowhere: nothing listens there
		env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + ItTools.freePort());

		List<String> command = new ArrayList<>();
		for (String part : ServiceDockerfile.load(repository).entrypoint()) {
			command.add(part.equals("java") ? ItTools.javaBin()
					: part.replace("/app/app.jar", DemoServices.jarPath(SERVICE).toString()));
		}
		Path log = temp.resolve(SERVICE + ".log");
		try (ManagedProcess process = ManagedProcess.start(SERVICE, command, env, log)) {
			process.awaitHttpOk(url(container.getStartupProbe(), ports), Duration.ofSeconds(180));
			for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
					container.getReadinessProbe())) {
				HttpResponse<String> response = get(url(probe, ports));
				assertThat(response.statusCode()).as(url(probe, ports)).isEqualTo(200);
				assertThat(response.body()).contains("\"status\":\"UP\"");
				String onApplicationPort = "http://127.0.0.1:" + ports.get("http") + probe.getHttpGet().getPath();
				assertThat(get(onApplicationPort).statusCode()).as("%s is not served on the application port", onApplicationPort)
					.isNotEqualTo(200);
			}
			assertThat(get("http://127.0.0.1:" + ports.get("management") + "/actuator/prometheus").statusCode())
				.as("the ServiceMonitor's path").isEqualTo(200);

			String output = Files.readString(log);
			assertThat(output).as("identity from the Downward API in the log lines")
				.contains("\"service.environment\":\"" + NAMESPACE + "\"")
				.contains("\"service.node.name\":\"" + POD + "\"");

			for (int i = 0; i < 100; i++) {
				get("http://127.0.0.1:" + ports.get("management") + "/actuator/prometheus");
			}
			long rss = residentBytes(process.pid());
			System.out.printf("%s with the agent under a %d MiB limit: %d MiB resident%n", SERVICE,
					memoryLimit >> 20, rss >> 20);
			assertThat(rss).as("resident memory within the container's limit").isLessThan(memoryLimit);
		}
	}

	/** What the kubelet would put into the variables that come from the Downward API or a Secret. */
	private static String downwardApi(EnvVar variable) {
		if (variable.getValueFrom().getFieldRef() == null) {
			return "secret";
		}
		String field = variable.getValueFrom().getFieldRef().getFieldPath();
		return switch (field) {
			case "metadata.name" -> POD;
			case "metadata.namespace" -> NAMESPACE;
			case "spec.nodeName" -> "node-1";
			default -> throw new IllegalArgumentException("no test value for " + field);
		};
	}

	private static String url(Probe probe, Map<String, Integer> ports) {
		return "http://127.0.0.1:" + ports.get(probe.getHttpGet().getPort().getStrVal()) + probe.getHttpGet().getPath();
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static long residentBytes(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		throw new IllegalStateException("no VmRSS for " + pid);
	}

}
