package io.sightline.demo.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

class DemoConfigTests {

	static final Path REPO_PROMETHEUS = Path.of("../../prometheus");

	@TempDir
	Path runDir;

	@Test
	void standardPortsAreTheDocumentedOnesAndNeverCollide() {
		DemoConfig config = DemoConfig.standard(Path.of("lib"), Path.of("run"), true, REPO_PROMETHEUS);
		Set<Integer> ports = new HashSet<>();
		for (DemoService service : DemoService.values()) {
			ports.add(config.port(service));
			ports.add(config.managementPort(service));
		}
		ports.add(config.zipkinPort());
		ports.add(config.kafkaPort());
		ports.add(config.kafkaControllerPort());
		ports.add(config.prometheusPort());
		ports.add(config.alertmanagerPort());
		ports.add(config.alertWebhookPort());
		assertThat(ports).hasSize(14);
		assertThat(config.port(DemoService.GATEWAY)).isEqualTo(8080);
		assertThat(config.port(DemoService.INVENTORY)).isEqualTo(8083);
		assertThat(config.kafkaPort()).isEqualTo(9092);
		assertThat(config.zipkinPort()).isEqualTo(9411);
		assertThat(config.alertWebhookUrl()).isEqualTo(MonitoringConfigs.REPO_WEBHOOK_URL);
	}

	/** The run's configs are the repo's, with only ports, interval and webhook changed. */
	@Test
	@SuppressWarnings("unchecked")
	void runConfigsAreTheRepositorysWithThisRunsPortsAndInterval() throws Exception {
		DemoConfig config = new DemoConfig(Path.of("lib"), this.runDir, true, 30000, 10, 1, 2, 3, 4, 5, 6,
				REPO_PROMETHEUS, Duration.ofSeconds(2), 0);
		MonitoringConfigs.write(config);
		Map<String, Object> prometheus = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(this.runDir.resolve("prometheus.yml")));
		assertThat((Map<String, Object>) prometheus.get("global")).containsEntry("scrape_interval", "2s")
			.containsEntry("evaluation_interval", "2s");
		assertThat(prometheus.get("rule_files")).isEqualTo(List.of("rules/*.yml", "rules/slo/*.yml"));
		String text = Files.readString(this.runDir.resolve("prometheus.yml"));
		assertThat(text).contains("127.0.0.1:30010", "127.0.0.1:30013", "127.0.0.1:4", "127.0.0.1:5", "honor_labels: true")
			.doesNotContain("127.0.0.1:9080", "127.0.0.1:9093");
		assertThat(this.runDir.resolve("rules/sightline-alerts.yml")).isRegularFile();
		assertThat(this.runDir.resolve("rules/slo/gateway.yml")).isRegularFile();
		String alertmanager = Files.readString(this.runDir.resolve("alertmanager.yml"));
		assertThat(alertmanager).contains("http://127.0.0.1:6/alerts").doesNotContain(MonitoringConfigs.REPO_WEBHOOK_URL);
	}

	@Test
	void alertmanagerNotificationsAreReadAlertByAlert() {
		var alerts = AlertWebhookReceiver.parse(AbstractDemoIT.JSON.readTree("""
				{"status":"firing","alerts":[
				 {"status":"firing","labels":{"alertname":"ServiceDown","service":"gateway","severity":"page"},
				  "annotations":{"summary":"gateway is down"}},
				 {"status":"resolved","labels":{"alertname":"X"},"annotations":{}}]}"""), java.time.Instant.EPOCH);
		assertThat(alerts).hasSize(2);
		assertThat(alerts.get(0).name()).isEqualTo("ServiceDown");
		assertThat(alerts.get(0).label("service")).isEqualTo("gateway");
		assertThat(alerts.get(0).annotation("summary")).isEqualTo("gateway is down");
		assertThat(alerts.get(1).status()).isEqualTo("resolved");
	}

}
