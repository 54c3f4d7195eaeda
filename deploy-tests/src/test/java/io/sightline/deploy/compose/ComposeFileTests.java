package io.sightline.deploy.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.deploy.collector.CollectorConfig;
import io.sightline.deploy.network.Address;
import io.sightline.deploy.repository.Repository;
import io.sightline.deploy.services.DemoServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file against the repository it mounts and the configs it runs. */
class ComposeFileTests {

	static final Set<String> CORE = Set.of("gateway", "order-service", "payment-service", "inventory-service", "kafka",
			"postgres", "otel-collector", "zipkin", "prometheus", "alertmanager", "grafana");

	static final Set<String> FULL_ONLY = Set.of("elasticsearch", "logstash", "kibana", "setup", "influxdb");

	static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";

	static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";

	static final String LOGSTASH_PIPELINE = "/usr/share/logstash/pipeline";

	private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9_.-]+(?::[0-9]+)?");

	private static final Repository REPOSITORY = Repository.locate();

	private static final ComposeFile COMPOSE = ComposeFile.load(REPOSITORY);

	@Test
	void everyBindMountedPathExistsInTheRepository() {
		for (ComposeService service : COMPOSE.services().values()) {
			for (ComposeService.BindMount mount : service.bindMounts()) {
				Path source = COMPOSE.resolve(mount.source());
				assertThat(source).as("%s mounts %s", service.name(), mount.source()).exists();
				assertThat(source.startsWith(REPOSITORY.root())).as("%s stays in the repository", mount.source()).isTrue();
				assertThat(mount.readOnly()).as("%s mounts %s read-only", service.name(), mount.source()).isTrue();
			}
		}
	}

	@Test
	void everyPublishedPortIsUnique() {
		Map<Integer, String> owners = new HashMap<>();
		for (ComposeService service : COMPOSE.services().values()) {
			for (int port : service.publishedPorts()) {
				String previous = owners.put(port, service.name());
				assertThat(previous).as("port %d published by %s and %s", port, previous, service.name()).isNull();
			}
		}
		assertThat(owners).isNotEmpty();
	}

	@Test
	void everyImageIsPinnedAndEveryContainerHasAMemoryLimit() {
		for (ComposeService service : COMPOSE.services().values()) {
			assertThat(service.image()).as(service.name()).matches("[a-z0-9./_-]+:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*")
				.doesNotEndWith(":latest");
			assertThat(service.memoryLimitBytes()).as(service.name() + " mem_limit").isPositive();
		}
	}

	@Test
	void profileCoreRunsTheServicesAndMonitoringAndFullAddsElkAndInflux() {
		for (ComposeService service : COMPOSE.services().values()) {
			assertThat(service.profiles()).as(service.name()).isNotEmpty();
		}
		assertThat(COMPOSE.servicesIn(ComposeFile.CORE)).isEqualTo(new TreeSet<>(CORE));
		Set<String> full = new TreeSet<>(CORE);
		full.addAll(FULL_ONLY);
		assertThat(COMPOSE.servicesIn(ComposeFile.FULL)).isEqualTo(full);
	}

	@Test
	void dependenciesStayInTheProfileAndWaitForHealth() {
		for (String profile : List.of(ComposeFile.CORE, ComposeFile.FULL)) {
			Set<String> running = COMPOSE.servicesIn(profile);
			for (String name : running) {
				COMPOSE.service(name).dependsOn().forEach((dependency, condition) -> {
					assertThat(running).as("%s (profile %s) depends on %s", name, profile, dependency).contains(dependency);
					if (condition.equals("service_healthy")) {
						assertThat(COMPOSE.service(dependency).hasHealthcheck()).as(dependency + " has a healthcheck").isTrue();
					}
					if (condition.equals("service_completed_successfully")) {
						assertThat(COMPOSE.service(dependency).definition()).as(dependency).containsEntry("restart", "no");
					}
				});
			}
		}
		for (String service : DemoServices.NAMES) {
			assertThat(COMPOSE.service(service).dependsOn()).containsEntry("kafka", "service_healthy");
		}
		assertThat(COMPOSE.service("order-service").dependsOn()).containsEntry("postgres", "service_healthy");
		assertThat(COMPOSE.service("inventory-service").dependsOn()).containsEntry("postgres", "service_healthy");
		assertThat(COMPOSE.service("gateway").dependsOn()).containsEntry("order-service", "service_healthy")
			.containsEntry("payment-service", "service_healthy")
			.containsEntry("inventory-service", "service_healthy");
		assertThat(COMPOSE.service("logstash").dependsOn()).containsEntry("setup", "service_completed_successfully")
			.containsEntry("elasticsearch", "service_healthy");
		assertThat(COMPOSE.service("kibana").dependsOn()).containsEntry("elasticsearch", "service_healthy");
	}

	@Test
	void everyDemoServiceIsBuiltByTheSharedDockerfileAndRunsTheAgent() {
		ServiceDockerfile dockerfile = ServiceDockerfile.load(REPOSITORY);
		assertThat(dockerfile.runtimeBaseImage()).as("a JRE 17+ base").matches("eclipse-temurin:(1[7-9]|2[0-9])[0-9._]*-jre.*");
		assertThat(dockerfile.runtime("COPY")).anyMatch((copy) -> copy.endsWith(" /sightline-javaagent.jar"));
		for (String name : DemoServices.NAMES) {
			ComposeService service = COMPOSE.service(name);
			assertThat(COMPOSE.resolve(String.valueOf(service.build().get("context"))).resolve(
					String.valueOf(service.build().get("dockerfile")))).isEqualTo(REPOSITORY.path(ServiceDockerfile.PATH));
			assertThat(((Map<?, ?>) service.build().get("args")).get("SERVICE")).isEqualTo(name);
			assertThat(service.image()).startsWith("sightline/" + name + ":");
			Map<String, String> env = service.environment();
			assertThat(env).containsEntry("JAVA_TOOL_OPTIONS", "-javaagent:/sightline-javaagent.jar");
			assertThat(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")).isEqualTo("http://otel-collector:4318");
			assertThat(env).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(DemoServices.managementPort(name)));
			assertThat(service.publishedPorts()).contains(DemoServices.applicationPort(name), DemoServices.managementPort(name));
			assertThat(service.definition().get("healthcheck").toString())
				.contains("http://localhost:" + DemoServices.managementPort(name) + "/actuator/health/readiness");
		}
	}

	@Test
	void everyHostNameTheConfigsUseIsAComposeService() {
		Map<String, List<String>> addressesBySource = new LinkedHashMap<>();
		addressesBySource.put("prometheus", prometheusTargets(prometheusConfig()));
		addressesBySource.put("grafana data sources", urlsIn(COMPOSE.hostPathOf("grafana", GRAFANA_PROVISIONING + "/datasources"), ".yaml"));
		addressesBySource.put("logstash pipeline", urlsIn(COMPOSE.hostPathOf("logstash", LOGSTASH_PIPELINE), ".conf"));
		addressesBySource.put("collector exporters", new ArrayList<>(collector().exporterEndpoints().values()));
		for (ComposeService service : COMPOSE.services().values()) {
			List<String> fromEnvironment = new ArrayList<>();
			service.environment().values().stream().filter(Address::looksLikeAddress).forEach(fromEnvironment::add);
			addressesBySource.put(service.name() + " environment", fromEnvironment);
		}
		assertThat(addressesBySource.get("grafana data sources")).hasSizeGreaterThanOrEqualTo(5);
		assertThat(addressesBySource.get("logstash pipeline")).isNotEmpty();
		assertThat(addressesBySource.get("collector exporters")).isNotEmpty();
		addressesBySource.forEach((source, addresses) -> {
			for (String address : addresses) {
				assertThat(COMPOSE.services()).as("%s: %s", source, address).containsKey(Address.parse(address).host());
			}
		});
	}

	@Test
	void prometheusScrapesEachServiceOnItsManagementPort() {
		Map<String, String> targets = new HashMap<>();
		for (String target : prometheusTargets(prometheusConfig())) {
			Address address = Address.parse(target);
			targets.put(address.host(), target);
		}
		for (String name : DemoServices.NAMES) {
			assertThat(targets).containsEntry(name, name + ":" + COMPOSE.service(name).environment().get("MANAGEMENT_SERVER_PORT"));
		}
	}

	@Test
	void composesPrometheusConfigIsTheRepositorysWithComposeHostNames() {
		Map<String, String> hosts = new HashMap<>();
		for (String name : DemoServices.NAMES) {
			hosts.put("127.0.0.1:" + DemoServices.managementPort(name), name + ":" + DemoServices.managementPort(name));
		}
		hosts.put("127.0.0.1:9090", "prometheus:9090");
		hosts.put("127.0.0.1:9093", "alertmanager:9093");
		String repositoryConfig = REPOSITORY.read("prometheus/prometheus.yml");
		for (Map.Entry<String, String> host : hosts.entrySet()) {
			repositoryConfig = repositoryConfig.replace("'" + host.getKey() + "'", "'" + host.getValue() + "'");
		}
		repositoryConfig = repositoryConfig.replace("- rules/", "- /etc/prometheus/rules/");
		assertThat(prometheusConfig()).isEqualTo(Repository.yamlMap(repositoryConfig));
	}

	@Test
	void prometheusRunsOurRulesWithExemplarStorage() {
		List<String> command = COMPOSE.service("prometheus").command();
		assertThat(command).contains("--enable-feature=exemplar-storage", "--config.file=" + PROMETHEUS_CONFIG);
		assertThat(COMPOSE.hostPathOf("prometheus", PROMETHEUS_CONFIG)).isEqualTo(REPOSITORY.path("deploy/prometheus/prometheus.yml"));
		List<?> ruleFiles = (List<?>) prometheusConfig().get("rule_files");
		for (Object glob : ruleFiles) {
			String folder = String.valueOf(glob).substring(0, String.valueOf(glob).lastIndexOf('/'));
			Path host = COMPOSE.hostPathOf("prometheus", folder);
			assertThat(host).isEqualTo(REPOSITORY.path(folder.replace("/etc/prometheus/", "prometheus/")));
		}
		assertThat(COMPOSE.hostPathOf("alertmanager", "/etc/alertmanager/alertmanager.yml"))
			.isEqualTo(REPOSITORY.path("prometheus/alertmanager.yml"));
		assertThat(COMPOSE.service("alertmanager").command()).contains("--config.file=/etc/alertmanager/alertmanager.yml");
	}

	@Test
	@SuppressWarnings("unchecked")
	void grafanaGetsOurProvisioningDashboardsAndAnonymousViewers() {
		assertThat(COMPOSE.hostPathOf("grafana", GRAFANA_PROVISIONING)).isEqualTo(REPOSITORY.path("grafana/provisioning"));
		Map<String, Object> provider = (Map<String, Object>) ((List<?>) Repository
			.yamlMap(REPOSITORY.read("grafana/provisioning/dashboards/sightline.yaml")).get("providers")).get(0);
		String dashboards = String.valueOf(((Map<?, ?>) provider.get("options")).get("path"));
		assertThat(COMPOSE.hostPathOf("grafana", dashboards)).isEqualTo(REPOSITORY.path("grafana/dashboards"));
		Map<String, String> env = COMPOSE.service("grafana").environment();
		assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true").containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
			.containsKeys("GF_SECURITY_ADMIN_USER", "GF_SECURITY_ADMIN_PASSWORD");
		String datasources = REPOSITORY.read("grafana/provisioning/datasources/sightline.yaml").replaceAll("(?m)^\\s*#.*$", "");
		Matcher variable = Pattern.compile("(?<!\\$)\\$\\{([A-Z_][A-Z0-9_]*)\\}").matcher(datasources);
		while (variable.find()) {
			assertThat(env).as("Grafana reads %s from its environment", variable.group(1)).containsKey(variable.group(1));
		}
	}

	@Test
	void influxIsSetUpWithTheOrgBucketsAndTokenTheServicesAndGrafanaUse() {
		Map<String, String> influx = COMPOSE.service("influxdb").environment();
		Map<String, String> grafana = COMPOSE.service("grafana").environment();
		Map<?, ?> eventsSource = datasource("influxdb-events");
		assertThat(((Map<?, ?>) eventsSource.get("jsonData")).get("organization")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_ORG"));
		assertThat(((Map<?, ?>) eventsSource.get("jsonData")).get("defaultBucket")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_BUCKET"));
		assertThat(grafana.get("INFLUX_TOKEN")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"));
		String initScript = Repository.read(COMPOSE.hostPathOf("influxdb",
				"/docker-entrypoint-initdb.d/create-metrics-bucket.sh"));
		for (String name : DemoServices.NAMES) {
			Map<String, String> env = COMPOSE.service(name).environment();
			assertThat(env).containsEntry("SIGHTLINE_EVENTS_INFLUX_ORG", influx.get("DOCKER_INFLUXDB_INIT_ORG"))
				.containsEntry("SIGHTLINE_EVENTS_INFLUX_BUCKET", influx.get("DOCKER_INFLUXDB_INIT_BUCKET"))
				.containsEntry("SIGHTLINE_EVENTS_INFLUX_TOKEN", influx.get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"))
				.containsEntry("MANAGEMENT_INFLUX_METRICS_EXPORT_ORG", influx.get("DOCKER_INFLUXDB_INIT_ORG"))
				.containsEntry("MANAGEMENT_INFLUX_METRICS_EXPORT_TOKEN", influx.get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"));
			assertThat(initScript).contains("--name " + env.get("MANAGEMENT_INFLUX_METRICS_EXPORT_BUCKET"));
		}
	}

	@Test
	void theElkSetupRunsOurScriptAndLogstashOurPipeline() {
		ComposeService setup = COMPOSE.service("setup");
		List<?> entrypoint = (List<?>) setup.definition().get("entrypoint");
		String script = String.valueOf(entrypoint.get(entrypoint.size() - 1));
		assertThat(COMPOSE.hostPathOf("setup", script)).isEqualTo(REPOSITORY.path("elk/setup.sh"));
		assertThat(COMPOSE.hostPathOf("logstash", LOGSTASH_PIPELINE)).isEqualTo(REPOSITORY.path("elk/logstash/pipeline"));
		assertThat(setup.environment()).containsEntry("ES_URL", "http://elasticsearch:9200")
			.containsEntry("KIBANA_URL", "http://kibana:5601");
	}

	@Test
	void theCollectorRunsOurConfigAndReceivesOnThePortsItPublishes() {
		assertThat(COMPOSE.service("otel-collector").publishedPorts()).contains(4317, 4318);
		assertThat(COMPOSE.hostPathOf("otel-collector", "/etc/otelcol/otel-collector-debug.yaml"))
			.isEqualTo(REPOSITORY.path("deploy/otel-collector-debug.yaml"));
	}

	static Map<String, Object> prometheusConfig() {
		return Repository.yamlMap(Repository.read(COMPOSE.hostPathOf("prometheus", PROMETHEUS_CONFIG)));
	}

	private static CollectorConfig collector() {
		String argument = COMPOSE.service("otel-collector").command().get(0);
		return CollectorConfig.of(Repository.read(COMPOSE.hostPathOf("otel-collector", argument.substring("--config=".length()))));
	}

	/** Every static target and Alertmanager of a Prometheus config. */
	@SuppressWarnings("unchecked")
	private static List<String> prometheusTargets(Map<String, Object> config) {
		List<String> targets = new ArrayList<>();
		List<Map<String, Object>> holders = new ArrayList<>((List<Map<String, Object>>) config.get("scrape_configs"));
		holders.addAll((List<Map<String, Object>>) ((Map<String, Object>) config.get("alerting")).get("alertmanagers"));
		for (Map<String, Object> holder : holders) {
			for (Map<String, Object> staticConfig : (List<Map<String, Object>>) holder.getOrDefault("static_configs", List.of())) {
				targets.addAll((List<String>) staticConfig.get("targets"));
			}
		}
		return targets;
	}

	private static List<String> urlsIn(Path folder, String suffix) {
		List<String> urls = new ArrayList<>();
		try (var files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).sorted().toList()) {
				Matcher matcher = URL.matcher(Repository.read(file).replaceAll("(?m)^\\s*#.*$", ""));
				while (matcher.find()) {
					urls.add(matcher.group());
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return urls;
	}

	private static Map<?, ?> datasource(String uid) {
		List<?> datasources = (List<?>) Repository.yamlMap(REPOSITORY.read("grafana/provisioning/datasources/sightline.yaml"))
			.get("datasources");
		return datasources.stream().map((d) -> (Map<?, ?>) d).filter((d) -> uid.equals(d.get("uid"))).findFirst().orElseThrow();
	}

}
