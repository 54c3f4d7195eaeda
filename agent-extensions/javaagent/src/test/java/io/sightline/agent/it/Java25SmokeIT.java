package io.sightline.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance 7: acceptance 1 and 2 with the app on Java 25 (the Temurin 25 JDK beside the default one),
 * the Sightline agent attached. Skipped, visibly, where that JDK is not installed.
 */
class Java25SmokeIT extends AbstractAgentSmokeIT {

	static final Path JAVA_25 = Path.of(System.getProperty("sightline.it.java25",
			"/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

	@Override
	String serviceName() {
		return "smoke-java25";
	}

	@Override
	String javaBin() {
		assumeTrue(Files.isExecutable(JAVA_25), "Java 25 not installed at " + JAVA_25
				+ " (set -Dsightline.it.java25=<path to bin/java>): Java 25 smoke test skipped");
		return JAVA_25.toString();
	}

	@Override
	List<String> agentOptions() {
		return List.of("-javaagent:" + sightlineAgentJar());
	}

	@Test
	void theAppRunsOnJava25() throws Exception {
		assertThat(this.app.get("/actuator/prometheus").body()).as("Micrometer's jvm_info")
			.containsPattern("jvm_info\\{[^}]*version=\"25[.\"]");
	}

}
