package io.sightline.demo.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything listens and where the pieces are. {@link #standard} is the README's demo; tests use
 * free ports and short intervals.
 *
 * @param libDir the service jars, the Zipkin exec jar and sightline-javaagent.jar
 * @param runDir this run's folder: one JSON log file per service, Kafka's data, generated configs
 * @param agent attach sightline-javaagent.jar (false: agentless Micrometer Tracing with Brave)
 * @param gatewayPort application port of the gateway (order, payment and inventory follow)
 * @param managementOffset management port = application port + this
 * @param zipkinPort Zipkin's port
 * @param kafkaPort the broker's port
 * @param kafkaControllerPort the KRaft controller's port
 * @param prometheusPort Prometheus' port, when the binary is installed
 * @param alertmanagerPort Alertmanager's port, when the binary is installed
 * @param alertWebhookPort the port of the launcher's own alert receiver, which Alertmanager notifies
 * @param prometheusDir the repository's {@code prometheus/} folder: prometheus.yml, rules, alertmanager.yml
 * @param scrapeInterval Prometheus' scrape and rule evaluation interval (the repo's config says 15s)
 * @param logstashPort where the services ship their JSON log lines over TCP (Logstash's json_lines
 * input, or a test's receiver); 0 ships nowhere
 * @param influxUrl base URL of an InfluxDB 2 API (or VictoriaMetrics) that receives the Micrometer metrics
 * push and the Sightline events; null pushes nowhere
 * @param jvmArgs extra JVM options of every service (e.g. {@code -Dotel.*} for the agent)
 * @param serviceArgs extra {@code --key=value} application arguments of every service (none may repeat an
 * argument the launcher sets: Spring joins repeated ones with a comma)
 * @param monitoring start Prometheus and Alertmanager when their binaries are installed
 */
public record DemoConfig(Path libDir, Path runDir, boolean agent, int gatewayPort, int managementOffset,
		int zipkinPort, int kafkaPort, int kafkaControllerPort, int prometheusPort, int alertmanagerPort,
		int alertWebhookPort, Path prometheusDir, Duration scrapeInterval, int logstashPort, String influxUrl,
		List<String> jvmArgs, List<String> serviceArgs, boolean monitoring) {

	public DemoConfig {
		jvmArgs = List.copyOf((jvmArgs != null) ? jvmArgs : List.of());
		serviceArgs = List.copyOf((serviceArgs != null) ? serviceArgs : List.of());
	}

	/** Without Influx push and without extra arguments. */
	public DemoConfig(Path libDir, Path runDir, boolean agent, int gatewayPort, int managementOffset, int zipkinPort,
			int kafkaPort, int kafkaControllerPort, int prometheusPort, int alertmanagerPort, int alertWebhookPort,
			Path prometheusDir, Duration scrapeInterval, int logstashPort) {
		this(libDir, runDir, agent, gatewayPort, managementOffset, zipkinPort, kafkaPort, kafkaControllerPort,
				prometheusPort, alertmanagerPort, alertWebhookPort, prometheusDir, scrapeInterval, logstashPort, null,
				List.of(), List.of(), true);
	}

	/** This config, pushing metrics and events to the InfluxDB 2 API at the URL. */
	public DemoConfig withInflux(String url) {
		return new DemoConfig(this.libDir, this.runDir, this.agent, this.gatewayPort, this.managementOffset,
				this.zipkinPort, this.kafkaPort, this.kafkaControllerPort, this.prometheusPort, this.alertmanagerPort,
				this.alertWebhookPort, this.prometheusDir, this.scrapeInterval, this.logstashPort, url, this.jvmArgs,
				this.serviceArgs, this.monitoring);
	}

	/** This config, with more JVM options and application arguments for every service. */
	public DemoConfig withArgs(List<String> moreJvmArgs, List<String> moreServiceArgs) {
		List<String> jvm = new ArrayList<>(this.jvmArgs);
		jvm.addAll(moreJvmArgs);
		List<String> service = new ArrayList<>(this.serviceArgs);
		service.addAll(moreServiceArgs);
		return new DemoConfig(this.libDir, this.runDir, this.agent, this.gatewayPort, this.managementOffset,
				this.zipkinPort, this.kafkaPort, this.kafkaControllerPort, this.prometheusPort, this.alertmanagerPort,
				this.alertWebhookPort, this.prometheusDir, this.scrapeInterval, this.logstashPort, this.influxUrl, jvm,
				service, this.monitoring);
	}

	/** This config, without Prometheus and Alertmanager even when installed. */
	public DemoConfig withoutMonitoring() {
		return new DemoConfig(this.libDir, this.runDir, this.agent, this.gatewayPort, this.managementOffset,
				this.zipkinPort, this.kafkaPort, this.kafkaControllerPort, this.prometheusPort, this.alertmanagerPort,
				this.alertWebhookPort, this.prometheusDir, this.scrapeInterval, this.logstashPort, this.influxUrl,
				this.jvmArgs, this.serviceArgs, false);
	}

	public static DemoConfig standard(Path libDir, Path runDir, boolean agent, Path prometheusDir) {
		// 9093 is Alertmanager's, so the controller takes 9094; 9095 is the alert receiver of prometheus/alertmanager.yml
		return new DemoConfig(libDir, runDir, agent, 8080, 1000, 9411, 9092, 9094, 9090, 9093, 9095, prometheusDir,
				Duration.ofSeconds(5), 0);
	}

	int port(DemoService service) {
		return this.gatewayPort + service.ordinal();
	}

	int managementPort(DemoService service) {
		return port(service) + this.managementOffset;
	}

	String alertWebhookUrl() {
		return "http://127.0.0.1:" + this.alertWebhookPort + "/alerts";
	}

}
