package io.sightline.deploy.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.sightline.deploy.repository.Repository;

/**
 * The files of {@code deploy/k8s/base/generated/}: kustomize loads no file outside its folder, so the
 * repository's rule files, dashboards and collector config reach the Kubernetes base as generated copies.
 * {@link DeployFiles} writes them and finds drift.
 */
public final class GeneratedManifests {

	/** Where the generated files live, relative to the checkout. */
	public static final String DIRECTORY = "deploy/k8s/base/generated";

	public static final String PROMETHEUS_RULES = "prometheus-rules.yaml";

	public static final String GRAFANA_DASHBOARDS = "grafana-dashboards.yaml";

	public static final String COLLECTOR_CONFIG = "otel-collector.yaml";

	/** The collector config both docker compose and the Kubernetes base run. */
	public static final String COLLECTOR_SOURCE = "deploy/otel-collector.yaml";

	private GeneratedManifests() {
	}

	/** File name to content, sorted by name; byte-identical from run to run. */
	public static Map<String, String> generate(Repository repository) {
		Map<String, String> files = new TreeMap<>();
		files.put(PROMETHEUS_RULES, PrometheusRuleManifests.render(repository));
		files.put(GRAFANA_DASHBOARDS, DashboardConfigMaps.render(repository));
		files.put(COLLECTOR_CONFIG, repository.read(COLLECTOR_SOURCE));
		return files;
	}

	/** Common metadata of every generated object. */
	static Map<String, Object> metadata(String name, Map<String, String> extraLabels) {
		Map<String, Object> labels = new LinkedHashMap<>();
		labels.put("app.kubernetes.io/part-of", "sightline");
		labels.putAll(extraLabels);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("name", name);
		metadata.put("labels", labels);
		return metadata;
	}

}
