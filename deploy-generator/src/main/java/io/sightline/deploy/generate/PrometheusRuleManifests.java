package io.sightline.deploy.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sightline.deploy.repository.Repository;

/**
 * One prometheus-operator {@code PrometheusRule} per file under {@code prometheus/rules/}, its
 * {@code spec.groups} the file's {@code groups} unchanged.
 */
public final class PrometheusRuleManifests {

	public static final String RULES_FOLDER = "prometheus/rules";

	/** kube-prometheus-stack's default rule selector picks objects labelled with its Helm release name. */
	public static final Map<String, String> LABELS = Map.of("release", "kube-prometheus-stack");

	private PrometheusRuleManifests() {
	}

	/** The rule files, sorted by path. */
	public static List<Path> ruleFiles(Repository repository) {
		return repository.files(RULES_FOLDER, ".yml");
	}

	/** {@code sightline-alerts.yml} gives {@code sightline-alerts}, {@code slo/gateway.yml} {@code slo-gateway}. */
	public static String objectName(Repository repository, Path ruleFile) {
		String relative = repository.relative(ruleFile).substring(RULES_FOLDER.length() + 1);
		return relative.substring(0, relative.length() - ".yml".length()).replace('/', '-');
	}

	static String render(Repository repository) {
		StringBuilder out = new StringBuilder(DeployFiles.header(GeneratedManifests.class, RULES_FOLDER + "/**/*.yml",
				List.of("One PrometheusRule per rule file; spec.groups is the file's groups, unchanged.")));
		for (Path file : ruleFiles(repository)) {
			Map<String, Object> rules = Repository.yamlMap(Repository.read(file));
			if (!rules.keySet().equals(java.util.Set.of("groups"))) {
				throw new IllegalStateException(repository.relative(file) + ": expected only 'groups', found "
						+ rules.keySet());
			}
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("apiVersion", "monitoring.coreos.com/v1");
			object.put("kind", "PrometheusRule");
			object.put("metadata", GeneratedManifests.metadata(objectName(repository, file), LABELS));
			object.put("spec", Map.of("groups", rules.get("groups")));
			out.append(ManifestYaml.document("source: " + repository.relative(file), object));
		}
		return out.toString();
	}

}
