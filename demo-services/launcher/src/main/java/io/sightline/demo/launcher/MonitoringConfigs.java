package io.sightline.demo.launcher;

/**
 * Minimal Prometheus and Alertmanager configs for the run folder: scrape every service's management
 * port (OpenMetrics, so exemplars come along). The rules and receivers of the prometheus/ folder
 * replace these once that folder exists.
 */
final class MonitoringConfigs {

	private MonitoringConfigs() {
	}

	static String prometheus(DemoConfig config) {
		StringBuilder targets = new StringBuilder();
		for (DemoService service : DemoService.values()) {
			targets.append("          - 127.0.0.1:").append(config.managementPort(service)).append('\n');
		}
		return """
				global:
				  scrape_interval: 5s
				  evaluation_interval: 5s
				alerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ['127.0.0.1:%d']
				scrape_configs:
				  - job_name: sightline-demo
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets:
				%s""".formatted(config.alertmanagerPort(), targets);
	}

	static String alertmanager() {
		return """
				route:
				  receiver: log
				receivers:
				  - name: log
				""";
	}

}
