package io.sightline.boot.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.sightline.boot.SightlineDefaultsEnvironmentPostProcessor;
import io.sightline.it.support.Regenerate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is generated from the configuration metadata that the annotation processor
 * writes, and checked for drift here; {@link Regenerate#COMMAND} rewrites it.
 */
class ConfigurationReferenceTests {

	static final Path DOC = Path.of("..", "docs", "configuration.md");

	@Test
	void configurationReferenceMatchesTheMetadata() throws IOException {
		String expected = render(metadata());
		if (Regenerate.requested()) {
			Files.createDirectories(DOC.getParent());
			Files.writeString(DOC, expected, StandardCharsets.UTF_8);
		}
		String outOfDate = "docs/configuration.md is out of date; regenerate it: " + Regenerate.COMMAND;
		assertThat(DOC).as(outOfDate).exists();
		assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as(outOfDate).isEqualTo(expected);
	}

	@Test
	void everyPropertyIsDocumented() throws IOException {
		for (JsonNode property : metadata().path("properties")) {
			assertThat(property.path("description").asString(""))
				.as("javadoc of %s", property.path("name").asString())
				.isNotBlank();
		}
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = ConfigurationReferenceTests.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	static String render(JsonNode metadata) {
		List<JsonNode> properties = new ArrayList<>();
		metadata.path("properties").forEach(properties::add);
		properties.sort(Comparator.comparing((JsonNode p) -> p.path("name").asString()));
		StringBuilder doc = new StringBuilder();
		doc.append("# Sightline configuration reference\n\n");
		doc.append("Generated from the starter's configuration metadata by `ConfigurationReferenceTests`; do not edit.\n");
		doc.append("Unknown `sightline.*` keys fail startup with the key's name. Every property can also be set as an\n");
		doc.append("environment variable (`SIGHTLINE_RELEASE_ID`, `SIGHTLINE_LOGGING_LOGSTASH_DESTINATIONS`, ...).\n\n");
		doc.append("| Property | Default | Description |\n|---|---|---|\n");
		for (JsonNode property : properties) {
			doc.append("| `").append(property.path("name").asString()).append("` | ");
			doc.append(defaultValue(property)).append(" | ");
			doc.append(property.path("description").asString("").replace("\n", " ").replace("|", "\\|")).append(" |\n");
		}
		doc.append("\nSightline also sets defaults for these Spring Boot properties (yours win):\n\n");
		doc.append("| Property | Sightline default |\n|---|---|\n");
		bootDefaults().forEach((name, value) -> doc.append("| `").append(name).append("` | ")
			.append(BOOT_DEFAULT_NOTES.getOrDefault(name, "`" + value + "`")).append(" |\n"));
		doc.append("\nMetrics push to InfluxDB is Spring Boot's own `management.influx.metrics.export.*` (uri, api-version,\n");
		doc.append("db or org/bucket/token, step, timeouts); see [influx.md](influx.md) for the full list, the failure\n");
		doc.append("counter `sightline_metrics_push_dropped_total` and the deployment events.\n");
		return doc.toString();
	}

	/** Explanations for defaults that depend on other settings or need a reason. */
	private static final Map<String, String> BOOT_DEFAULT_NOTES = Map.of(
			"management.tracing.sampling.probability", "`1.0` when `sightline.environment=local`, else Boot's `0.1`",
			"management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]",
			"`false`: exemplars only on buckets and counters, which Prometheus accepts",
			"management.influx.metrics.export.enabled",
			"`false` until `management.influx.metrics.export.uri` is set (Boot's default is `true`)",
			"logging.level.io.micrometer.influx.InfluxMeterRegistry",
			"`off`: Sightline counts failed pushes and logs one WARN per outage instead of an ERROR per push",
			"spring.main.banner-mode",
			"`off` while the console is ECS JSON (the default), so that every stdout line is a JSON object");

	/** What the defaults post-processor really adds, for a local service without an Influx uri. */
	private static Map<String, Object> bootDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		new SightlineDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return ((MapPropertySource) environment.getPropertySources()
			.get(SightlineDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).getSource();
	}

	private static String defaultValue(JsonNode property) {
		JsonNode value = property.get("defaultValue");
		if (value == null || value.isNull()) {
			return switch (property.path("name").asString()) {
				case "sightline.metrics.slo-buckets" -> "`5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2.5s,5s,10s`";
				case "sightline.release.id" -> "derived (git commit + build time)";
				case "sightline.instance-id" -> "derived (host, pid, start time)";
				default -> "";
			};
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return items.isEmpty() ? "" : "`" + String.join(",", items) + "`";
		}
		return "`" + value.asString() + "`";
	}

}
