package io.sightline.deploy.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import io.sightline.deploy.repository.Repository;
import io.sightline.it.support.Regenerate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** deploy/'s generated files against their sources; {@link Regenerate} rewrites them. */
class DeployFilesTests {

	private static final Repository REPOSITORY = Repository.locate();

	/** What the generator reads. */
	static final List<String> SOURCES = List.of(PrometheusRuleManifests.RULES_FOLDER, DashboardConfigMaps.DASHBOARDS_FOLDER,
			GeneratedManifests.COLLECTOR_SOURCE, ComposePrometheusConfig.SOURCE);

	@Test
	void committedFilesMatchTheGenerator() throws IOException {
		if (Regenerate.requested()) {
			DeployFiles.write(REPOSITORY);
		}
		List<String> drift = DeployFiles.drift(REPOSITORY);
		if (!drift.isEmpty()) {
			fail(String.join("\n", drift) + "\nChange the sources, not the generated files, then rewrite them: "
					+ Regenerate.COMMAND);
		}
	}

	@Test
	void theReadmeAndTheDeployGuideGiveTheRegenerateCommand() {
		assertThat(REPOSITORY.read("README.md")).contains("## Regenerating artifacts\n\n```\n" + Regenerate.COMMAND + "\n```\n");
		assertThat(REPOSITORY.read("docs/deploy.md")).contains("```\n" + Regenerate.COMMAND + "\n```\n");
	}

	@Test
	void generatingTwiceGivesTheSameBytes() {
		assertThat(DeployFiles.generate(REPOSITORY)).isEqualTo(DeployFiles.generate(REPOSITORY));
	}

	@Test
	void theGeneratedFilesAreTheKubernetesBasesAndComposesPrometheusConfig() {
		assertThat(DeployFiles.generate(REPOSITORY).keySet()).containsExactly(
				"deploy/k8s/base/generated/grafana-dashboards.yaml", "deploy/k8s/base/generated/otel-collector.yaml",
				"deploy/k8s/base/generated/prometheus-rules.yaml", "deploy/prometheus/prometheus.yml");
	}

	@Test
	void anEditedCopyAMissingOneAndAStaleOneAreDrift(@TempDir Path temp) throws IOException {
		Repository copy = Repository.at(temp);
		for (String source : SOURCES) {
			copyTree(REPOSITORY.path(source), copy.path(source));
		}
		DeployFiles.write(copy);
		assertThat(DeployFiles.drift(copy)).isEmpty();

		Files.writeString(copy.path(ComposePrometheusConfig.TARGET), "# edited by hand\n", StandardOpenOption.APPEND);
		Files.delete(copy.path(GeneratedManifests.DIRECTORY + "/" + GeneratedManifests.COLLECTOR_CONFIG));
		Files.writeString(copy.path(GeneratedManifests.DIRECTORY + "/old.yaml"), "{}\n");
		assertThat(DeployFiles.drift(copy)).containsExactly(
				"deploy/k8s/base/generated/otel-collector.yaml is missing",
				"deploy/prometheus/prometheus.yml differs from what its sources give",
				"deploy/k8s/base/generated/old.yaml is not generated (stale?)");
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

}
