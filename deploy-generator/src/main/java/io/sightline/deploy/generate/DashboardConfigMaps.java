package io.sightline.deploy.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sightline.deploy.repository.Repository;

/**
 * One ConfigMap per {@code grafana/dashboards/*.json}, labelled {@code grafana_dashboard: "1"} for
 * kube-prometheus-stack's Grafana sidecar, the file as its only data entry, byte for byte.
 */
public final class DashboardConfigMaps {

	public static final String DASHBOARDS_FOLDER = "grafana/dashboards";

	public static final Map<String, String> LABELS = Map.of("grafana_dashboard", "1");

	/** The sidecar puts the dashboard in this folder when started with folderAnnotation=grafana_folder. */
	public static final Map<String, String> ANNOTATIONS = Map.of("grafana_folder", "Sightline");

	private DashboardConfigMaps() {
	}

	public static List<Path> dashboardFiles(Repository repository) {
		return repository.files(DASHBOARDS_FOLDER, ".json");
	}

	/** {@code sightline-jvm.json} gives {@code grafana-dashboard-sightline-jvm}. */
	public static String objectName(Path dashboard) {
		String file = dashboard.getFileName().toString();
		return "grafana-dashboard-" + file.substring(0, file.length() - ".json".length());
	}

	static String render(Repository repository) {
		StringBuilder out = new StringBuilder(DeployFiles.header(GeneratedManifests.class, DASHBOARDS_FOLDER + "/*.json",
				List.of("One ConfigMap per dashboard, for the Grafana sidecar of kube-prometheus-stack.")));
		for (Path file : dashboardFiles(repository)) {
			Map<String, Object> metadata = GeneratedManifests.metadata(objectName(file), LABELS);
			metadata.put("annotations", new LinkedHashMap<>(ANNOTATIONS));
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("apiVersion", "v1");
			object.put("kind", "ConfigMap");
			object.put("metadata", metadata);
			object.put("data", Map.of(file.getFileName().toString(), Repository.read(file)));
			out.append(ManifestYaml.document("source: " + repository.relative(file), object));
		}
		return out.toString();
	}

}
