package io.sightline.demo.launcher;

/**
 * Minimal Prometheus and Alertmanager configs for the run folder: scrape every service's management
 * port (OpenMetrics, so exemplars come along) and alert when a circuit breaker is open. The SLO rules
 * and receivers of the prometheus/ folder join these once that folder exists.
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
				rule_files:
				  - demo-rules.yml
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

	/** An alert the 5-minute tour can trigger with one fault injection. */
	static String rules() {
		return """
				groups:
				  - name: sightline-demo
				    rules:
				      - alert: CircuitBreakerOpen
				        expr: max by (application, name) (resilience4j_circuitbreaker_state{state="open"}) == 1
				        labels:
				          severity: page
				        annotations:
				          summary: "{{ $labels.application }}: the circuit breaker to {{ $labels.name }} is open"
				""";
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
