package io.sightline.elk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Structural checks of the Logstash pipeline, the ILM policy and setup.sh (Logstash, Elasticsearch and
 * Kibana cannot run here). setup.sh is also run for real, with curl, against a fake Elasticsearch/Kibana.
 */
class LogstashPipelineTests {

	private static final String PIPELINE = Elk.read(Elk.elk("logstash/pipeline/sightline.conf"));

	@Test
	void tcpInputIsWhereTheStarterShipsJsonLines() {
		String tcp = block(PIPELINE, "tcp");
		int port = Integer.parseInt(setting(tcp, "port"));
		assertThat(port).isEqualTo(4560);
		assertThat(setting(tcp, "codec")).isEqualTo("json_lines");
		// the documented destination (README: sightline.logging.logstash.destinations=logstash:4560)
		Matcher documented = Pattern.compile("sightline\\.logging\\.logstash\\.destinations=[\\w.-]+:(\\d+)")
			.matcher(Elk.read(Elk.root().resolve("README.md")));
		assertThat(documented.find()).as("README documents the Logstash destination").isTrue();
		assertThat(Integer.parseInt(documented.group(1))).isEqualTo(port);
		// a beats input is optional; when present (even commented out) it uses the conventional port
		Matcher beats = Pattern.compile("beats\\s*\\{\\s*#?\\s*port\\s*=>\\s*(\\d+)").matcher(PIPELINE);
		if (beats.find()) {
			assertThat(beats.group(1)).isEqualTo("5044");
		}
	}

	@Test
	void outputRoutesToTheTemplatesDataStreams() {
		String output = block(PIPELINE, "elasticsearch");
		assertThat(setting(output, "data_stream")).isEqualTo("true");
		assertThat(setting(output, "data_stream_auto_routing")).isEqualTo("true");
		assertThat(setting(output, "hosts")).contains("http://elasticsearch:9200");
		String type = setting(output, "data_stream_type");
		String dataset = setting(output, "data_stream_dataset");
		String fallbackNamespace = setting(output, "data_stream_namespace");
		// the filter sets the same type/dataset, and the namespace from service.environment
		assertThat(PIPELINE).contains("event.set(\"[data_stream][type]\", \"" + type + "\")")
			.contains("event.set(\"[data_stream][dataset]\", \"" + dataset + "\")")
			.contains("event.set(\"[data_stream][namespace]\", namespace)")
			.contains("event.get(\"[service.environment]\")")
			.contains("gsub(/[^a-z0-9_]/, \"_\")")
			.contains("event.set(\"[event][ingested]\"");
		String pattern = Elk.indexTemplate().path("index_patterns").get(0).asText();
		for (String environment : List.of("demo", "prod", "Staging-EU", "", "dev.local")) {
			String namespace = Elk.namespace(environment);
			assertThat(namespace).doesNotContain("-").isLowerCase();
			String stream = type + "-" + dataset + "-" + namespace;
			assertThat(Elk.glob(pattern, stream)).as(stream + " matches " + pattern).isTrue();
		}
		assertThat(Elk.glob(pattern, type + "-" + dataset + "-" + fallbackNamespace)).isTrue();
		assertThat(Elk.indexTemplate().has("data_stream")).isTrue();
	}

	@Test
	void ilmPolicyRollsOverAndDeletesAfterTheRetention() {
		String raw = Elk.read(Elk.elk("elasticsearch/ilm-policy.json"));
		assertThat(raw).contains("${SIGHTLINE_LOG_RETENTION_DAYS}d");
		JsonNode policy = Elk.parse(raw.replace("${SIGHTLINE_LOG_RETENTION_DAYS}", "14")).path("policy");
		JsonNode rollover = policy.path("phases").path("hot").path("actions").path("rollover");
		assertThat(rollover.path("max_primary_shard_size").asText()).isEqualTo("10gb");
		assertThat(rollover.path("max_age").asText()).isEqualTo("1d");
		assertThat(policy.path("phases").path("delete").path("min_age").asText()).isEqualTo("14d");
		assertThat(policy.path("phases").path("delete").path("actions").has("delete")).isTrue();
		assertThat(Elk.indexTemplate().path("template").path("settings").path("index.lifecycle.name").asText())
			.isEqualTo("sightline-logs");
	}

	@Test
	void setupScriptIsValidShAndReferencesTheFiles() throws Exception {
		Process check = new ProcessBuilder("sh", "-n", Elk.elk("setup.sh").toString()).redirectErrorStream(true).start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as("sh -n: %s", output).isZero();
		String script = Elk.read(Elk.elk("setup.sh"));
		for (String file : List.of("elasticsearch/ilm-policy.json", "elasticsearch/index-template.json",
				"kibana/sightline.ndjson")) {
			assertThat(script).contains("/" + file);
			assertThat(Elk.elk(file)).isRegularFile();
		}
		assertThat(script).contains("_ilm/policy/sightline-logs", "_index_template/sightline-logs",
				"api/saved_objects/_import?overwrite=true", "kbn-xsrf: true");
	}

	@Test
	void setupScriptInstallsEverythingAgainstAFakeStack() throws Exception {
		assumeTrue(Files.isExecutable(java.nio.file.Path.of("/usr/bin/curl")) || onPath("curl"),
				"curl is not installed: setup.sh not run");
		List<String> calls = new CopyOnWriteArrayList<>();
		Map<String, String> bodies = new ConcurrentHashMap<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			String call = exchange.getRequestMethod() + " " + exchange.getRequestURI();
			byte[] body = exchange.getRequestBody().readAllBytes();
			calls.add(call);
			bodies.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
					new String(body, StandardCharsets.UTF_8));
			String response = exchange.getRequestURI().getPath().endsWith("_import")
					? "{\"success\":true,\"successCount\":9}" : "{\"acknowledged\":true}";
			if (exchange.getRequestURI().getPath().endsWith("_import")
					&& !"true".equals(exchange.getRequestHeaders().getFirst("kbn-xsrf"))) {
				response = "{\"statusCode\":400,\"message\":\"missing kbn-xsrf\"}";
				exchange.sendResponseHeaders(400, response.length());
			}
			else {
				exchange.sendResponseHeaders(200, response.length());
			}
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.getBytes(StandardCharsets.UTF_8));
			}
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort();
			ProcessBuilder builder = new ProcessBuilder("sh", Elk.elk("setup.sh").toString()).redirectErrorStream(true);
			builder.environment().put("ES_URL", url);
			builder.environment().put("KIBANA_URL", url);
			builder.environment().put("SIGHTLINE_LOG_RETENTION_DAYS", "7");
			builder.environment().put("SETUP_TIMEOUT_SECONDS", "10");
			Process setup = builder.start();
			String output = new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(setup.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(setup.exitValue()).as("setup.sh output:\n%s", output).isZero();
		}
		finally {
			server.stop(0);
		}
		assertThat(calls).anyMatch((c) -> c.startsWith("GET /_cluster/health"))
			.anyMatch((c) -> c.startsWith("GET /api/status"))
			.contains("PUT /_ilm/policy/sightline-logs", "PUT /_index_template/sightline-logs",
					"POST /api/saved_objects/_import?overwrite=true");
		JsonNode policy = Elk.parse(bodies.get("PUT /_ilm/policy/sightline-logs"));
		assertThat(policy.path("policy").path("phases").path("delete").path("min_age").asText()).isEqualTo("7d");
		assertThat(Elk.parse(bodies.get("PUT /_index_template/sightline-logs"))).isEqualTo(Elk.indexTemplate());
		assertThat(bodies.get("POST /api/saved_objects/_import")).contains("name=\"file\"")
			.contains(Elk.read(Elk.elk("kibana/sightline.ndjson")).trim());
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(java.nio.file.Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** The {…} block that follows the first uncommented {@code name {}, braces balanced. */
	private static String block(String config, String name) {
		Matcher start = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*\\{").matcher(config);
		assertThat(start.find()).as("a %s block", name).isTrue();
		int depth = 0;
		for (int i = start.end() - 1; i < config.length(); i++) {
			char c = config.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return config.substring(start.end(), i);
			}
		}
		throw new AssertionError("unbalanced " + name + " block");
	}

	/** An uncommented {@code key => value} setting; quotes and brackets are kept except around a plain string. */
	private static String setting(String block, String key) {
		Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=>\\s*(.+?)\\s*$").matcher(block);
		assertThat(matcher.find()).as("setting %s", key).isTrue();
		String value = matcher.group(1);
		return (value.startsWith("\"") && value.endsWith("\"")) ? value.substring(1, value.length() - 1) : value;
	}

}
