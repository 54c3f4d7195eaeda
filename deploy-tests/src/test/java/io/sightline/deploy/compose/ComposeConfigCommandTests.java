package io.sightline.deploy.compose;

import java.nio.file.Files;
import java.nio.file.Path;

import io.sightline.deploy.binaries.DebianBinary;
import io.sightline.deploy.repository.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's docker-compose validates the file without a Docker engine ({@code config}). */
class ComposeConfigCommandTests {

	private static final Repository REPOSITORY = Repository.locate();

	@ParameterizedTest
	@ValueSource(strings = { ComposeFile.CORE, ComposeFile.FULL })
	void dockerComposeAcceptsTheFileForEachProfile(String profile) throws Exception {
		DebianBinary compose = DebianBinary.require("docker-compose", "docker-compose");
		DebianBinary.Result result = compose.run(REPOSITORY.root(), "-f", ComposeFile.PATH, "-p", "sightline",
				"--profile", profile, "config", "-q");
		assertThat(result.exitCode()).as(result.describe()).isZero();
		assertThat(result.stderr()).as("warnings").doesNotContainIgnoringCase("warning");
	}

	@Test
	void dockerComposeRefusesAnUnknownKey(@TempDir Path temp) throws Exception {
		DebianBinary compose = DebianBinary.require("docker-compose", "docker-compose");
		Files.writeString(temp.resolve("docker-compose.yml"), "services:\n  app:\n    image: busybox:1.36\n    mem_limitt: 1g\n");
		DebianBinary.Result result = compose.run(temp, "config", "-q");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains("mem_limitt");
	}

}
