package io.sightline.demo.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The run folder's Prometheus and Alertmanager configs, made from the repository's own
 * {@code prometheus/} files so the demo proves exactly what users get: the same scrape job and
 * relabelling, every rule file (hand-written and generated SLO rules), the same routes and inhibitions.
 * Only what a run must change is changed: ports, the scrape/evaluation interval, and the webhook URL.
 */
final class MonitoringConfigs {

	/** The receiver URL written in prometheus/alertmanager.yml. */
	static final String REPO_WEBHOOK_URL = "http://127.0.0.1:9095/alerts";

	private MonitoringConfigs() {
	}

	/** Writes prometheus.yml, the rule files and alertmanager.yml into the run folder. */
	static void write(DemoConfig config) throws IOException {
		Path source = config.prometheusDir();
		Path runDir = config.runDir();
		copyRules(source.resolve("rules"), runDir.resolve("rules"));
		copyRules(source.resolve("rules/slo"), runDir.resolve("rules/slo"));
		Files.writeString(runDir.resolve("prometheus.yml"),
				prometheus(Files.readString(source.resolve("prometheus.yml"), StandardCharsets.UTF_8), config));
		Files.writeString(runDir.resolve("alertmanager.yml"),
				alertmanager(Files.readString(source.resolve("alertmanager.yml"), StandardCharsets.UTF_8), config));
	}

	/** The repository's prometheus.yml with this run's ports and interval. */
	@SuppressWarnings("unchecked")
	static String prometheus(String repoConfig, DemoConfig config) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(repoConfig);
		Map<String, Object> global = (Map<String, Object>) root.get("global");
		String interval = config.scrapeInterval().toSeconds() + "s";
		global.put("scrape_interval", interval);
		global.put("evaluation_interval", interval);
		for (Map<String, Object> alertmanager : (List<Map<String, Object>>) ((Map<String, Object>) root.get("alerting"))
			.get("alertmanagers")) {
			for (Map<String, Object> targets : (List<Map<String, Object>>) alertmanager.get("static_configs")) {
				targets.put("targets", List.of("127.0.0.1:" + config.alertmanagerPort()));
			}
		}
		for (Map<String, Object> job : (List<Map<String, Object>>) root.get("scrape_configs")) {
			for (Map<String, Object> targets : (List<Map<String, Object>>) job.get("static_configs")) {
				Map<String, Object> labels = (Map<String, Object>) targets.get("labels");
				String application = (labels != null) ? String.valueOf(labels.get("application")) : "";
				targets.put("targets", List.of("127.0.0.1:" + port(application, config)));
			}
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return "# Written by the demo launcher from " + config.prometheusDir().resolve("prometheus.yml")
				+ ": this run's ports and interval.\n" + new Yaml(options).dump(root);
	}

	/** The repository's alertmanager.yml, notifying this run's receiver. */
	static String alertmanager(String repoConfig, DemoConfig config) {
		if (!repoConfig.contains(REPO_WEBHOOK_URL)) {
			throw new IllegalStateException("alertmanager.yml no longer notifies " + REPO_WEBHOOK_URL
					+ ": update the launcher together with it");
		}
		return repoConfig.replace(REPO_WEBHOOK_URL, config.alertWebhookUrl());
	}

	private static int port(String application, DemoConfig config) {
		for (DemoService service : DemoService.values()) {
			if (service.serviceName().equals(application)) {
				return config.managementPort(service);
			}
		}
		return switch (application) {
			case "prometheus" -> config.prometheusPort();
			case "alertmanager" -> config.alertmanagerPort();
			default -> throw new IllegalStateException("prometheus.yml scrapes an unknown application \""
					+ application + "\"; the launcher knows " + List.of(DemoService.values()));
		};
	}

	private static void copyRules(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		if (!Files.isDirectory(from)) {
			return;
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(from)) {
			listing.filter((file) -> file.toString().endsWith(".yml")).forEach(files::add);
		}
		for (Path file : files) {
			Files.copy(file, to.resolve(file.getFileName()));
		}
	}

}
