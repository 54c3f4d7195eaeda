package io.sightline.demo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ManagedProcess;
import io.sightline.it.support.ZipkinServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo: Kafka (in this JVM), Zipkin, the four services (each its own process, stopped by
 * its PID), and Prometheus and Alertmanager when their binaries are on the PATH.
 */
public final class Demo implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Demo.class);

	private final DemoConfig config;

	private EmbeddedKafka kafka;

	private ZipkinServer zipkin;

	private int zipkinStarts = 1;

	private final Map<DemoService, ManagedProcess> services = new LinkedHashMap<>();

	private final List<ManagedProcess> monitoring = new ArrayList<>();

	private final List<Long> startedPids = new ArrayList<>();

	private AlertWebhookReceiver alertReceiver;

	private Demo(DemoConfig config) {
		this.config = config;
	}

	/** Starts everything and waits until every service is ready; on failure, stops what started. */
	public static Demo start(DemoConfig config) throws Exception {
		Demo demo = new Demo(config);
		try {
			demo.startAll();
			return demo;
		}
		catch (Exception | Error ex) {
			demo.close();
			throw ex;
		}
	}

	private void startAll() throws Exception {
		Files.createDirectories(this.config.runDir());
		this.kafka = EmbeddedKafka.start(this.config.kafkaPort(), this.config.kafkaControllerPort(),
				this.config.runDir());
		logger.info("Kafka ready at {}", this.kafka.bootstrapServers());
		this.zipkin = ZipkinServer.start(lib("zipkin-server.jar"), this.config.zipkinPort(),
				this.config.runDir().resolve("zipkin.log"), ZipkinServer.QUICK_START);
		this.startedPids.add(this.zipkin.pid());
		logger.info("Zipkin ready at {}", this.zipkin.baseUrl());
		// downstream services first, so the gateway's first calls find them
		for (DemoService service : List.of(DemoService.INVENTORY, DemoService.PAYMENT, DemoService.ORDER,
				DemoService.GATEWAY)) {
			// stdout is the service's ECS JSON log; the agent's and the JVM's plain-text lines go to stderr
			ManagedProcess process = ManagedProcess.start(service.serviceName(), command(service), Map.of(),
					this.config.runDir().resolve(service.serviceName() + ".log"),
					this.config.runDir().resolve(service.serviceName() + ".err"));
			this.services.put(service, process);
			this.startedPids.add(process.pid());
		}
		for (Map.Entry<DemoService, ManagedProcess> entry : this.services.entrySet()) {
			entry.getValue().awaitHttpOk(managementUrl(entry.getKey()) + "/actuator/health/readiness",
					Duration.ofSeconds(180));
			logger.info("{} ready", entry.getKey().serviceName());
		}
		startMonitoring();
	}

	private List<String> command(DemoService service) {
		List<String> command = new ArrayList<>(List.of(ItTools.javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dspring.application.name=" + service.serviceName()));
		if (this.config.agent()) {
			command.addAll(List.of("-javaagent:" + lib("sightline-javaagent.jar"), "-Dotel.traces.exporter=zipkin",
					"-Dotel.exporter.zipkin.endpoint=" + this.zipkin.spansEndpoint(), "-Dotel.bsp.schedule.delay=500"));
		}
		command.addAll(this.config.jvmArgs());
		command.addAll(List.of("-jar", lib(service.jarName()).toString(),
				"--server.address=127.0.0.1", "--server.port=" + this.config.port(service),
				"--management.server.address=127.0.0.1",
				"--management.server.port=" + this.config.managementPort(service),
				"--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers(),
				"--management.tracing.export.zipkin.endpoint=" + this.zipkin.spansEndpoint(),
				"--management.tracing.sampling.probability=1.0", "--sightline.environment=demo",
				"--sightline.tracing.mode=" + (this.config.agent() ? "agent" : "agentless"),
				// the in-process burn rate samples as often as Prometheus scrapes, so both see the same windows
				"--sightline.slo.sample-interval=" + this.config.scrapeInterval().toSeconds() + "s",
				"--demo.gateway.order-service-url=" + url(DemoService.ORDER),
				"--demo.gateway.payment-service-url=" + url(DemoService.PAYMENT),
				"--demo.gateway.inventory-service-url=" + url(DemoService.INVENTORY)));
		if (this.config.logstashPort() > 0) {
			command.add("--sightline.logging.logstash.destinations=127.0.0.1:" + this.config.logstashPort());
		}
		if (this.config.influxUrl() != null) {
			// metrics push (Micrometer, v2 API) and Sightline events, both to the same server
			command.addAll(List.of("--management.influx.metrics.export.uri=" + this.config.influxUrl(),
					"--management.influx.metrics.export.api-version=v2", "--management.influx.metrics.export.org=sightline",
					"--management.influx.metrics.export.bucket=sightline",
					// v2 requires a token; VictoriaMetrics ignores it
					"--management.influx.metrics.export.token=sightline-demo",
					"--management.influx.metrics.export.step=" + this.config.scrapeInterval().toSeconds() + "s",
					"--sightline.events.influx.enabled=true", "--sightline.events.influx.url=" + this.config.influxUrl()));
		}
		command.addAll(this.config.serviceArgs());
		return command;
	}

	private void startMonitoring() throws IOException, InterruptedException {
		if (!this.config.monitoring()) {
			return;
		}
		Path prometheus = ItTools.onPath("prometheus");
		Path alertmanager = ItTools.onPath("prometheus-alertmanager", "alertmanager");
		if (prometheus == null || alertmanager == null) {
			logger.info("Prometheus/Alertmanager not installed: apt-get install prometheus prometheus-alertmanager "
					+ "to get them; going on without them");
			return;
		}
		Path runDir = this.config.runDir();
		MonitoringConfigs.write(this.config);
		this.alertReceiver = AlertWebhookReceiver.start(this.config.alertWebhookPort());
		ManagedProcess am = ManagedProcess.start("alertmanager",
				List.of(alertmanager.toString(), "--config.file=" + runDir.resolve("alertmanager.yml"),
						"--storage.path=" + runDir.resolve("alertmanager-data"),
						"--web.listen-address=127.0.0.1:" + this.config.alertmanagerPort(), "--cluster.listen-address="),
				Map.of(), runDir.resolve("alertmanager.log"));
		this.monitoring.add(am);
		this.startedPids.add(am.pid());
		ManagedProcess prom = ManagedProcess.start("prometheus",
				List.of(prometheus.toString(), "--config.file=" + runDir.resolve("prometheus.yml"),
						"--storage.tsdb.path=" + runDir.resolve("prometheus-data"),
						"--web.listen-address=127.0.0.1:" + this.config.prometheusPort(),
						"--enable-feature=exemplar-storage"),
				Map.of(), runDir.resolve("prometheus.log"));
		this.monitoring.add(prom);
		this.startedPids.add(prom.pid());
		am.awaitHttpOk("http://127.0.0.1:" + this.config.alertmanagerPort() + "/-/ready", Duration.ofSeconds(60));
		prom.awaitHttpOk("http://127.0.0.1:" + this.config.prometheusPort() + "/-/ready", Duration.ofSeconds(60));
	}

	public String url(DemoService service) {
		return "http://127.0.0.1:" + this.config.port(service);
	}

	public String managementUrl(DemoService service) {
		return "http://127.0.0.1:" + this.config.managementPort(service);
	}

	public ZipkinServer zipkin() {
		return this.zipkin;
	}

	/** Stops Zipkin (by its PID) as an outage would; the services keep running. */
	public void stopZipkin() throws InterruptedException {
		this.zipkin.close();
	}

	/** Starts Zipkin again on the same port (empty: its store is in memory) and waits until healthy. */
	public void startZipkin() throws IOException, InterruptedException {
		this.zipkinStarts++;
		this.zipkin = ZipkinServer.start(lib("zipkin-server.jar"), this.config.zipkinPort(),
				this.config.runDir().resolve("zipkin-" + this.zipkinStarts + ".log"), ZipkinServer.QUICK_START);
		this.startedPids.add(this.zipkin.pid());
	}

	/** The PID of a running service. */
	public long pid(DemoService service) {
		ManagedProcess process = this.services.get(service);
		if (process == null) {
			throw new IllegalStateException(service.serviceName() + " is not running");
		}
		return process.pid();
	}

	public boolean monitoringRunning() {
		return !this.monitoring.isEmpty();
	}

	public String prometheusUrl() {
		return "http://127.0.0.1:" + this.config.prometheusPort();
	}

	/** The receiver Alertmanager notifies, while monitoring runs. */
	public AlertWebhookReceiver alertReceiver() {
		return this.alertReceiver;
	}

	/**
	 * Kills one service at once (SIGKILL, by its PID), as a crash would.
	 * @return its PID
	 */
	public long kill(DemoService service) {
		ManagedProcess process = this.services.remove(service);
		if (process == null) {
			throw new IllegalStateException(service.serviceName() + " is not running");
		}
		ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
		return process.pid();
	}

	public String alertmanagerUrl() {
		return "http://127.0.0.1:" + this.config.alertmanagerPort();
	}

	/** Resident memory of the whole demo: every process it started plus this JVM (Kafka runs here). */
	public long totalRssBytes() {
		long total = rssBytes(ProcessHandle.current().pid());
		for (long pid : this.startedPids) {
			total += rssBytes(pid);
		}
		return total;
	}

	/** Resident memory of a process, from /proc (0 when unknown). */
	static long rssBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone: it uses no memory we can see
		}
		return 0;
	}

	public Path logFile(DemoService service) {
		return this.config.runDir().resolve(service.serviceName() + ".log");
	}

	/** Every process this demo started, for callers that check none outlives it. */
	public List<Long> startedPids() {
		return List.copyOf(this.startedPids);
	}

	/** Every URL a newcomer wants, one per line. */
	public String urls() {
		StringBuilder urls = new StringBuilder();
		urls.append("BFF (gateway)        ").append(url(DemoService.GATEWAY)).append("/api/catalog\n");
		urls.append("Zipkin UI            ").append(this.zipkin.baseUrl()).append("/zipkin/\n");
		if (monitoringRunning()) {
			urls.append("Prometheus           http://127.0.0.1:").append(this.config.prometheusPort()).append('\n');
			urls.append("Alertmanager         http://127.0.0.1:").append(this.config.alertmanagerPort()).append('\n');
		}
		for (DemoService service : DemoService.values()) {
			urls.append(String.format("%-20s %s/actuator/prometheus%n", service.serviceName(), managementUrl(service)));
		}
		urls.append("Logs (JSON)          ").append(this.config.runDir()).append('\n');
		urls.append("\nPlace an order:\n  curl -s -X POST ").append(url(DemoService.GATEWAY))
			.append("/api/orders -H 'Content-Type: application/json' "
					+ "-d '{\"customerId\":\"c-1\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}'\n");
		urls.append("Inject a fault (order-service fails every request):\n  curl -s -X POST ")
			.append(managementUrl(DemoService.ORDER))
			.append("/actuator/faults -H 'Content-Type: application/json' -d '{\"errorRatePercent\":100}'\n");
		urls.append("Reset it:\n  curl -s -X DELETE ").append(managementUrl(DemoService.ORDER)).append("/actuator/faults\n");
		return urls.toString();
	}

	private Path lib(String name) {
		Path jar = this.config.libDir().resolve(name);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": build the demo first (./demo does it)");
		}
		return jar.toAbsolutePath();
	}

	@Override
	public void close() {
		List<ManagedProcess> reverse = new ArrayList<>(this.services.values());
		java.util.Collections.reverse(reverse);
		reverse.addAll(this.monitoring);
		for (ManagedProcess process : reverse) {
			try {
				process.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {} (pid {})", process.name(), process.pid(), ex);
			}
		}
		if (this.alertReceiver != null) {
			this.alertReceiver.close();
		}
		if (this.zipkin != null) {
			try {
				this.zipkin.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.kafka != null) {
			try {
				this.kafka.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop Kafka cleanly", ex);
			}
		}
	}

}
