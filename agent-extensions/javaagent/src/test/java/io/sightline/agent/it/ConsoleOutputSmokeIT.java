package io.sightline.agent.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.sightline.agent.it.app.SmokeApplication;
import io.sightline.it.support.ForkedApp;
import io.sightline.it.support.ItTools;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is one ECS JSON object per line, from the first line to the last: with the starter and
 * Sightline's agent, a real process's stdout has no banner and no plain-text line; the agent's version
 * line and the JVM's class-sharing warning go to stderr (docs/agent.md).
 */
class ConsoleOutputSmokeIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void stdoutHoldsOnlyJsonObjectsAndTheAgentWritesToStderr() throws Exception {
		Path errors = Files.createTempFile("sightline-console-", ".err");
		List<String> agent = List.of("-javaagent:" + AbstractAgentSmokeIT.sightlineAgentJar(), "-Dotel.traces.exporter=none",
				"-Dsightline.environment=smoke");
		ForkedApp app = ForkedApp.start(ItTools.javaBin(), SmokeApplication.class.getName(), "smoke-console", agent,
				List.of(), "/actuator/health", errors);
		List<String> stdout;
		try {
			AbstractAgentSmokeIT.assertOk(app.get("/orders/1"));
		}
		finally {
			// the shutdown's log lines too
			app.close();
			stdout = app.rawOutputLines();
		}
		List<String> notJson = new ArrayList<>();
		int objects = 0;
		for (String line : stdout) {
			if (line.isBlank()) {
				notJson.add("(blank line)");
				continue;
			}
			try {
				JsonNode node = JSON.readTree(line);
				if (node.isObject()) {
					objects++;
					continue;
				}
			}
			catch (RuntimeException ex) {
				// reported below
			}
			notJson.add(line);
		}
		assertThat(notJson).as("stdout lines that are not a JSON object").isEmpty();
		assertThat(objects).as("JSON log lines on stdout").isGreaterThan(3);
		String stderr = Files.readString(errors, StandardCharsets.UTF_8);
		assertThat(stderr).contains("opentelemetry-javaagent - version");
		Files.deleteIfExists(errors);
	}

}
