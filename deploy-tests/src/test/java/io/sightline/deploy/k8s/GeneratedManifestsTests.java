package io.sightline.deploy.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.sightline.deploy.compose.ComposeFile;
import io.sightline.deploy.generate.DashboardConfigMaps;
import io.sightline.deploy.generate.GeneratedManifests;
import io.sightline.deploy.generate.PrometheusRuleManifests;
import io.sightline.deploy.repository.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What deploy/k8s/base/generated holds, parsed strictly: one PrometheusRule per rule file, one ConfigMap per
 * dashboard, the collector config as compose runs it. That the files match their sources byte for byte is
 * checked, and rewritten, by sightline-deploy-generator's {@code DeployFilesTests}.
 */
class GeneratedManifestsTests {

	/** kubectl's client-side apply keeps the whole object in an annotation of at most this many bytes. */
	static final int LAST_APPLIED_LIMIT = 262_144;

	private static final Repository REPOSITORY = Repository.locate();

	@Test
	void everyRuleFileIsOnePrometheusRuleWithTheSameGroups() {
		Map<String, Object> groupsByName = new LinkedHashMap<>();
		for (Map<String, Object> object : committed(GeneratedManifests.PROMETHEUS_RULES)) {
			assertThat(object.get("kind")).isEqualTo("PrometheusRule");
			groupsByName.put(name(object), ((Map<?, ?>) object.get("spec")).get("groups"));
		}
		Map<String, Object> expected = new LinkedHashMap<>();
		for (Path file : PrometheusRuleManifests.ruleFiles(REPOSITORY)) {
			expected.put(PrometheusRuleManifests.objectName(REPOSITORY, file), Repository.yamlMap(Repository.read(file)).get("groups"));
		}
		assertThat(expected).isNotEmpty();
		assertThat(groupsByName).isEqualTo(expected);
		for (PrometheusRule rule : strict(GeneratedManifests.PROMETHEUS_RULES, PrometheusRule.class)) {
			assertThat(rule.getMetadata().getLabels()).containsAllEntriesOf(PrometheusRuleManifests.LABELS);
		}
	}

	@Test
	void everyDashboardIsOneConfigMapHoldingTheFileByteForByte() {
		Map<String, Object> dataByName = new LinkedHashMap<>();
		for (Map<String, Object> object : committed(GeneratedManifests.GRAFANA_DASHBOARDS)) {
			dataByName.put(name(object), object.get("data"));
		}
		Map<String, Object> expected = new LinkedHashMap<>();
		for (Path file : DashboardConfigMaps.dashboardFiles(REPOSITORY)) {
			expected.put(DashboardConfigMaps.objectName(file), Map.of(file.getFileName().toString(), Repository.read(file)));
		}
		assertThat(expected).isNotEmpty();
		assertThat(dataByName).isEqualTo(expected);
		for (ConfigMap dashboard : strict(GeneratedManifests.GRAFANA_DASHBOARDS, ConfigMap.class)) {
			assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		}
	}

	@Test
	void everyGeneratedObjectFitsKubectlsClientSideApply() throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (String file : List.of(GeneratedManifests.PROMETHEUS_RULES, GeneratedManifests.GRAFANA_DASHBOARDS)) {
			for (HasMetadata object : strict(file, HasMetadata.class)) {
				assertThat(json.writeValueAsString(object).length()).as("%s as JSON", object.getMetadata().getName())
					.isLessThan(LAST_APPLIED_LIMIT);
			}
		}
	}

	@Test
	void theCollectorRunsTheSameConfigOnKubernetesAsInCompose() {
		assertThat(REPOSITORY.read(GeneratedManifests.DIRECTORY + "/" + GeneratedManifests.COLLECTOR_CONFIG))
			.isEqualTo(REPOSITORY.read(GeneratedManifests.COLLECTOR_SOURCE));
		Map<String, Object> kustomization = Repository.yamlMap(REPOSITORY.read("deploy/k8s/base/kustomization.yaml"));
		assertThat(kustomization.get("configMapGenerator").toString())
			.contains("name=otel-collector-config", "generated/" + GeneratedManifests.COLLECTOR_CONFIG);
		assertThat(((List<?>) kustomization.get("resources")).stream().map(String::valueOf).toList()).contains("generated/" + GeneratedManifests.PROMETHEUS_RULES,
				"generated/" + GeneratedManifests.GRAFANA_DASHBOARDS);

		Deployment collector = KubernetesManifests.load(REPOSITORY).deployment("otel-collector");
		var pod = collector.getSpec().getTemplate().getSpec();
		String configArgument = pod.getContainers().get(0).getArgs().get(0);
		String configPath = configArgument.substring("--config=".length());
		var mount = pod.getContainers().get(0).getVolumeMounts().get(0);
		assertThat(configPath).isEqualTo(mount.getMountPath() + "/" + GeneratedManifests.COLLECTOR_CONFIG);
		assertThat(pod.getVolumes()).anySatisfy((volume) -> {
			assertThat(volume.getName()).isEqualTo(mount.getName());
			assertThat(volume.getConfigMap().getName()).isEqualTo("otel-collector-config");
		});
		// compose: the same file at the same path
		ComposeFile compose = ComposeFile.load(REPOSITORY);
		assertThat(compose.service("otel-collector").command()).contains(configArgument);
		assertThat(compose.hostPathOf("otel-collector", configPath)).isEqualTo(REPOSITORY.path(GeneratedManifests.COLLECTOR_SOURCE));
	}

	private static List<Map<String, Object>> committed(String file) {
		return Repository.yamlDocuments(REPOSITORY.read(GeneratedManifests.DIRECTORY + "/" + file));
	}

	private static <T extends HasMetadata> List<T> strict(String file, Class<T> kind) {
		List<HasMetadata> objects = StrictKubernetesParser
			.parse(REPOSITORY.read(GeneratedManifests.DIRECTORY + "/" + file), file);
		assertThat(objects).allMatch(kind::isInstance);
		return objects.stream().map(kind::cast).toList();
	}

	private static String name(Map<String, Object> object) {
		return (String) ((Map<?, ?>) object.get("metadata")).get("name");
	}

}
