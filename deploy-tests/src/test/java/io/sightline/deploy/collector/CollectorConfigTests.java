package io.sightline.deploy.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.deploy.network.Address;
import io.sightline.deploy.repository.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/otel-collector.yaml: a pipeline the collector accepts, with the documented sampling. */
class CollectorConfigTests {

	static final String CONFIG = "deploy/otel-collector.yaml";

	static final String DEBUG = "deploy/otel-collector-debug.yaml";

	/** Rows of the policy table in docs/deploy.md: | `name` | `type` | text with the `value` |. */
	private static final Pattern POLICY_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| `([a-z_]+)` \\|(.*)\\|$", Pattern.MULTILINE);

	private static final Repository REPOSITORY = Repository.locate();

	private static final CollectorConfig COLLECTOR = CollectorConfig.of(REPOSITORY.read(CONFIG));

	@Test
	void everyComponentThePipelinesUseIsDefined() {
		assertThat(COLLECTOR.problems()).isEmpty();
		assertThat(CollectorConfig.of(REPOSITORY.read(CONFIG), REPOSITORY.read(DEBUG)).problems()).isEmpty();
	}

	@Test
	void theCheckFindsAnUndefinedComponent() {
		CollectorConfig broken = CollectorConfig.of(REPOSITORY.read(CONFIG),
				"service:\n  extensions: [pprof]\n  pipelines:\n    traces:\n      processors: [memory_limiter, tail_sampling, batch/2]\n");
		assertThat(broken.problems()).containsExactlyInAnyOrder(
				"traces uses processors 'batch/2', which is not defined",
				"service.extensions uses 'pprof', which is not defined");
	}

	@Test
	void tracesFlowFromOtlpThroughMemoryLimiterTailSamplingAndBatchToZipkin() {
		Map<String, List<String>> traces = COLLECTOR.pipelines().get("traces");
		assertThat(traces.get("receivers")).containsExactly("otlp");
		assertThat(traces.get("processors")).containsExactly("memory_limiter", "tail_sampling", "batch");
		assertThat(traces.get("exporters")).containsExactly("zipkin");
		Map<?, ?> protocols = (Map<?, ?>) COLLECTOR.component("receivers", "otlp").get("protocols");
		assertThat(protocols.keySet()).map(String::valueOf).containsExactlyInAnyOrder("grpc", "http");
		assertThat(Address.parse(String.valueOf(((Map<?, ?>) protocols.get("grpc")).get("endpoint"))).port()).isEqualTo(4317);
		assertThat(Address.parse(String.valueOf(((Map<?, ?>) protocols.get("http")).get("endpoint"))).port()).isEqualTo(4318);
		assertThat(COLLECTOR.exporterEndpoints().get("zipkin")).endsWith(":9411/api/v2/spans");
	}

	@Test
	void theDebugExporterIsDefinedButOffUntilTheSecondFileIsAdded() {
		assertThat(COLLECTOR.section("exporters")).containsKey("debug");
		COLLECTOR.pipelines().values().forEach((pipeline) -> assertThat(pipeline.get("exporters")).doesNotContain("debug"));
		CollectorConfig withDebug = CollectorConfig.of(REPOSITORY.read(CONFIG), REPOSITORY.read(DEBUG));
		assertThat(withDebug.pipelines().get("traces").get("exporters")).containsExactly("zipkin", "debug");
		assertThat(withDebug.pipelines().get("traces").get("processors")).isEqualTo(COLLECTOR.pipelines().get("traces").get("processors"));
	}

	@Test
	void tailSamplingKeepsErrorsSlowTracesAndAShareOfTheRestAsDocumented() {
		Map<String, String> configured = new LinkedHashMap<>();
		for (Map<String, Object> policy : COLLECTOR.tailSamplingPolicies()) {
			String type = String.valueOf(policy.get("type"));
			assertThat(policy).as("a %s policy is configured under its type", type).containsKey(type);
			configured.put(policy.get("name") + " " + type, values(policy.get(type)).toString());
		}
		assertThat(configured).containsOnlyKeys("errors status_code", "slow latency", "baseline probabilistic");
		assertThat(configured.get("errors status_code")).isEqualTo("[ERROR]");

		Map<String, String> documented = new LinkedHashMap<>();
		Matcher row = POLICY_ROW.matcher(REPOSITORY.read("docs/deploy.md"));
		while (row.find()) {
			List<String> numbers = new ArrayList<>();
			Matcher value = Pattern.compile("`([0-9.]+|[A-Z]+)`").matcher(row.group(3));
			while (value.find()) {
				numbers.add(value.group(1));
			}
			documented.put(row.group(1) + " " + row.group(2), numbers.toString());
		}
		assertThat(documented).isEqualTo(configured);
	}

	/** The scalar values of a policy's settings, in order. */
	private static List<String> values(Object settings) {
		List<String> values = new ArrayList<>();
		if (settings instanceof Map<?, ?> map) {
			map.values().forEach((value) -> values.addAll(values(value)));
		}
		else if (settings instanceof List<?> list) {
			list.forEach((value) -> values.addAll(values(value)));
		}
		else {
			values.add(String.valueOf(settings));
		}
		return values;
	}

}
