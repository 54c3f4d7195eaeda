package io.sightline.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.sightline.deploy.binaries.DebianBinary;
import io.sightline.deploy.generate.DashboardConfigMaps;
import io.sightline.deploy.generate.GeneratedManifests;
import io.sightline.deploy.generate.PrometheusRuleManifests;
import io.sightline.deploy.repository.Repository;
import io.sightline.deploy.services.DemoServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kubectl kustomize} builds the demo overlay, and what it builds is complete and consistent. */
class KustomizeBuildTests {

	static final String NAMESPACE = "sightline-demo";

	private static final Repository REPOSITORY = Repository.locate();

	private static String built;

	private static KubernetesManifests overlay;

	@BeforeAll
	static void build() throws Exception {
		DebianBinary kubectl = DebianBinary.require("kubectl", "kubernetes-client");
		DebianBinary.Result result = kubectl.run(REPOSITORY.root(), "kustomize", KubernetesManifests.OVERLAY);
		assertThat(result.exitCode()).as(result.describe()).isZero();
		built = result.stdout();
		overlay = KubernetesManifests.of(built, "kubectl kustomize " + KubernetesManifests.OVERLAY);
	}

	@Test
	void theOverlayHoldsEveryPieceInItsNamespace() {
		Set<String> deployments = names(overlay.all(Deployment.class));
		assertThat(deployments).containsAll(DemoServices.NAMES).contains("otel-collector", "kafka", "postgres", "zipkin");
		assertThat(names(overlay.all(ServiceMonitor.class))).containsExactlyInAnyOrderElementsOf(DemoServices.NAMES);
		assertThat(overlay.all(PrometheusRule.class)).hasSameSizeAs(PrometheusRuleManifests.ruleFiles(REPOSITORY));
		assertThat(overlay.all(ConfigMap.class).stream().filter((map) -> "1".equals(map.getMetadata().getLabels() == null
				? null : map.getMetadata().getLabels().get("grafana_dashboard"))))
			.hasSameSizeAs(DashboardConfigMaps.dashboardFiles(REPOSITORY));
		assertThat(names(overlay.all(Namespace.class))).containsExactly(NAMESPACE);
		for (HasMetadata object : overlay.objects()) {
			if (!(object instanceof Namespace)) {
				assertThat(object.getMetadata().getNamespace()).as(object.getKind() + " " + object.getMetadata().getName())
					.isEqualTo(NAMESPACE);
			}
		}
	}

	@Test
	void everySecretAndConfigMapAPodUsesIsInTheBuild() {
		Set<String> secrets = names(overlay.all(Secret.class));
		Set<String> configMaps = names(overlay.all(ConfigMap.class));
		for (Deployment deployment : overlay.all(Deployment.class)) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			for (Container container : pod.getContainers()) {
				for (EnvVar variable : container.getEnv()) {
					if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
						assertThat(secrets).as(deployment.getMetadata().getName() + " " + variable.getName())
							.contains(variable.getValueFrom().getSecretKeyRef().getName());
					}
				}
			}
			for (Volume volume : (pod.getVolumes() != null) ? pod.getVolumes() : List.<Volume>of()) {
				if (volume.getConfigMap() != null) {
					assertThat(configMaps).as(deployment.getMetadata().getName()).contains(volume.getConfigMap().getName());
				}
			}
		}
	}

	@Test
	void theBuiltRulesDashboardsAndCollectorConfigEqualTheirSources() {
		Map<String, Object> groupsByName = Repository.yamlDocuments(built).stream()
			.filter((object) -> "PrometheusRule".equals(object.get("kind")))
			.collect(Collectors.toMap((object) -> (String) ((Map<?, ?>) object.get("metadata")).get("name"),
					(object) -> ((Map<?, ?>) object.get("spec")).get("groups")));
		for (Path file : PrometheusRuleManifests.ruleFiles(REPOSITORY)) {
			assertThat(groupsByName.get(PrometheusRuleManifests.objectName(REPOSITORY, file))).as(REPOSITORY.relative(file))
				.isEqualTo(Repository.yamlMap(Repository.read(file)).get("groups"));
		}
		for (Path file : DashboardConfigMaps.dashboardFiles(REPOSITORY)) {
			ConfigMap map = overlay.named(ConfigMap.class, DashboardConfigMaps.objectName(file));
			assertThat(map.getData()).containsExactly(Map.entry(file.getFileName().toString(), Repository.read(file)));
		}
		ConfigMap collector = overlay.all(ConfigMap.class).stream()
			.filter((map) -> map.getMetadata().getName().startsWith("otel-collector-config-"))
			.findFirst()
			.orElseThrow();
		assertThat(collector.getData()).containsExactly(
				Map.entry(GeneratedManifests.COLLECTOR_CONFIG, REPOSITORY.read(GeneratedManifests.COLLECTOR_SOURCE)));
	}

	@Test
	void aBrokenKustomizationFails(@TempDir Path temp) throws Exception {
		Files.writeString(temp.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
		DebianBinary.Result result = DebianBinary.require("kubectl", "kubernetes-client").run(temp, "kustomize", ".");
		assertThat(result.exitCode()).isNotZero();
	}

	private static Set<String> names(List<? extends HasMetadata> objects) {
		return objects.stream().map((object) -> object.getMetadata().getName()).collect(Collectors.toCollection(HashSet::new));
	}

}
