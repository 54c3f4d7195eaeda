package io.sightline.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.sightline.deploy.collector.CollectorConfig;
import io.sightline.deploy.compose.ServiceDockerfile;
import io.sightline.deploy.network.Address;
import io.sightline.deploy.repository.Repository;
import io.sightline.deploy.services.DemoServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each demo service's Deployment, Service and ServiceMonitor of the base, against the service's jar. */
class ServiceManifestTests {

	static final List<String> SERVICES = DemoServices.NAMES;

	static final String AGENT_PATH = "/sightline-javaagent.jar";

	private static final Repository REPOSITORY = Repository.locate();

	private static final KubernetesManifests MANIFESTS = KubernetesManifests.load(REPOSITORY);

	@ParameterizedTest
	@FieldSource("SERVICES")
	void containerPortsAreTheServicesOwn(String service) {
		Map<String, Integer> ports = KubernetesManifests.containerPorts(MANIFESTS.container(service));
		assertThat(ports).containsOnlyKeys("http", "management");
		assertThat(ports.get("http")).as("server.port of the jar").isEqualTo(DemoServices.applicationPort(service));
		assertThat(ports.get("management")).isEqualTo(DemoServices.managementPort(service))
			.isEqualTo(Integer.parseInt(env(service).get("MANAGEMENT_SERVER_PORT").getValue()));
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void probesCallTheActuatorProbeGroupsOnTheManagementPort(String service) {
		Container container = MANIFESTS.container(service);
		assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness");
		assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness");
		assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness");
	}

	@Test
	void everyServiceProbesAlikeSoThatOneRunningServiceProvesThemAll() {
		Container first = MANIFESTS.container(SERVICES.get(0));
		for (String service : SERVICES) {
			Container container = MANIFESTS.container(service);
			assertThat(container.getStartupProbe()).as(service).isEqualTo(first.getStartupProbe());
			assertThat(container.getLivenessProbe()).as(service).isEqualTo(first.getLivenessProbe());
			assertThat(container.getReadinessProbe()).as(service).isEqualTo(first.getReadinessProbe());
		}
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void resourcesAreSetWithMemoryRequestedAsLimited(String service) {
		Map<String, Quantity> requests = MANIFESTS.container(service).getResources().getRequests();
		Map<String, Quantity> limits = MANIFESTS.container(service).getResources().getLimits();
		assertThat(requests).containsKeys("cpu", "memory");
		assertThat(limits).containsKey("memory");
		assertThat(requests.get("memory").getNumericalAmount()).isEqualByComparingTo(limits.get("memory").getNumericalAmount());
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void theBakedInAgentExportsOtlpToTheCollector(String service) {
		assertThat(env(service).get("JAVA_TOOL_OPTIONS").getValue()).isEqualTo("-javaagent:" + AGENT_PATH);
		assertThat(ServiceDockerfile.load(REPOSITORY).runtime("COPY")).anyMatch((copy) -> copy.endsWith(" " + AGENT_PATH));
		Address otlp = Address
			.parse(env(service).get("OTEL_EXPORTER_OTLP_ENDPOINT").getValue());
		Service collector = MANIFESTS.service(otlp.host());
		ServicePort port = collector.getSpec().getPorts().stream().filter((p) -> p.getPort() == otlp.port()).findFirst()
			.orElseThrow(() -> new AssertionError("the collector Service has no port " + otlp.port()));
		int containerPort = KubernetesManifests.containerPorts(MANIFESTS.container(otlp.host())).get(port.getTargetPort().getStrVal());
		String httpReceiver = (String) ((Map<?, ?>) ((Map<?, ?>) CollectorConfig.of(REPOSITORY.read("deploy/otel-collector.yaml"))
			.component("receivers", "otlp").get("protocols")).get("http")).get("endpoint");
		assertThat(httpReceiver).as("OTLP/http, the agent's default protocol").endsWith(":" + containerPort);
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void identityComesFromTheDownwardApi(String service) {
		Map<String, EnvVar> env = env(service);
		assertThat(fieldRef(env.get("POD_NAME"))).isEqualTo("metadata.name");
		assertThat(fieldRef(env.get("POD_NAMESPACE"))).isEqualTo("metadata.namespace");
		assertThat(fieldRef(env.get("SIGHTLINE_ENVIRONMENT"))).isEqualTo("metadata.namespace");
		assertThat(env.get("SIGHTLINE_INSTANCE_ID").getValue()).isEqualTo("$(POD_NAME)");
		assertThat(env.get("OTEL_RESOURCE_ATTRIBUTES").getValue()).contains("k8s.namespace.name=$(POD_NAMESPACE)")
			.contains("k8s.pod.name=$(POD_NAME)");
		// the release id stays the image's
		assertThat(env).doesNotContainKey("SIGHTLINE_RELEASE_ID");
	}

	@Test
	void theImageCarriesTheReleaseIdAsLabelAndEnvironment() {
		ServiceDockerfile dockerfile = ServiceDockerfile.load(REPOSITORY);
		assertThat(dockerfile.runtime("ARG")).anyMatch((arg) -> arg.startsWith("RELEASE_ID"));
		assertThat(String.join(" ", dockerfile.runtime("LABEL"))).contains("io.sightline.release-id=\"${RELEASE_ID}\"");
		assertThat(dockerfile.runtime("ENV")).contains("SIGHTLINE_RELEASE_ID=\"${RELEASE_ID}\"");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void variablesReferToVariablesDefinedBeforeThem(String service) {
		List<String> defined = new ArrayList<>();
		for (EnvVar variable : MANIFESTS.container(service).getEnv()) {
			assertThat(defined).as("%s refers to", variable.getName())
				.containsAll(ContainerEnvironment.references(variable.getValue()));
			defined.add(variable.getName());
		}
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void theServiceSelectsThePodsAndExposesBothPorts(String service) {
		Deployment deployment = MANIFESTS.deployment(service);
		Service kubernetesService = MANIFESTS.service(service);
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(kubernetesService.getSpec().getSelector())
			.containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		Map<String, Integer> containerPorts = KubernetesManifests.containerPorts(MANIFESTS.container(service));
		for (ServicePort port : kubernetesService.getSpec().getPorts()) {
			assertThat(containerPorts).containsEntry(port.getTargetPort().getStrVal(), port.getPort());
		}
		assertThat(kubernetesService.getSpec().getPorts()).extracting(ServicePort::getName)
			.containsExactlyInAnyOrder("http", "management");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void theServiceMonitorScrapesLikePrometheusYml(String service) {
		ServiceMonitor monitor = MANIFESTS.serviceMonitor(service);
		Service kubernetesService = MANIFESTS.service(service);
		assertThat(kubernetesService.getMetadata().getLabels()).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels())
			.containsEntry("app.kubernetes.io/name", service);
		assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		assertThat(monitor.getSpec().getEndpoints()).hasSize(1);
		Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
		assertThat(endpoint.getPort()).isEqualTo("management");
		assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
		assertThat(endpoint.getHonorLabels()).isTrue();
		assertThat(endpoint.getRelabelings()).anySatisfy((relabel) -> {
			assertThat(relabel.getSourceLabels()).containsExactly("__meta_kubernetes_service_label_app_kubernetes_io_name");
			assertThat(relabel.getTargetLabel()).isEqualTo("application");
		});
		assertThat(DemoServices.jar(service).applicationProperty("spring.application.name")).isEqualTo(service);
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void everyAddressInTheEnvironmentIsAServiceOfTheOverlay(String service) {
		Set<String> known = MANIFESTS.all(Service.class).stream().map((s) -> s.getMetadata().getName())
			.collect(Collectors.toSet());
		for (EnvVar variable : MANIFESTS.container(service).getEnv()) {
			String value = variable.getValue();
			if (value == null || !Address.looksLikeAddress(value)) {
				continue;
			}
			Address address = Address.parse(value);
			assertThat(known).as("%s=%s", variable.getName(), value).contains(address.host());
			assertThat(MANIFESTS.service(address.host()).getSpec().getPorts()).as("%s=%s", variable.getName(), value)
				.extracting(ServicePort::getPort).contains(address.port());
		}
	}

	private static void assertHttpProbe(Probe probe, String path) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
	}

	private static Map<String, EnvVar> env(String service) {
		return MANIFESTS.container(service).getEnv().stream()
			.collect(Collectors.toMap(EnvVar::getName, (v) -> v, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	private static String fieldRef(EnvVar variable) {
		assertThat(variable).isNotNull();
		return variable.getValueFrom().getFieldRef().getFieldPath();
	}

}
