package io.sightline.deploy.docs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.deploy.compose.ComposeFile;
import io.sightline.deploy.compose.ComposeService;
import io.sightline.deploy.repository.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's two deploy sections and docs/deploy.md say what the files do. */
class DeployDocsTests {

	static final String DOCKER_SECTION = "## Run the full stack with Docker";

	static final String KUBERNETES_SECTION = "## Deploy to Kubernetes";

	static final String UP = "docker compose -f deploy/docker-compose.yml --profile core up --build";

	private static final Repository REPOSITORY = Repository.locate();

	private static final ComposeFile COMPOSE = ComposeFile.load(REPOSITORY);

	@Test
	void theReadmeHasBothSectionsRightAfterLogsInKibana() {
		String readme = REPOSITORY.read("README.md");
		List<String> headings = Pattern.compile("^## .*$", Pattern.MULTILINE).matcher(readme).results()
			.map(java.util.regex.MatchResult::group).toList();
		int kibana = headings.indexOf("## Logs in Kibana");
		assertThat(kibana).isNotNegative();
		assertThat(headings.subList(kibana + 1, kibana + 3)).containsExactly(DOCKER_SECTION, KUBERNETES_SECTION);
	}

	@Test
	void theDockerSectionGivesTheCommandProfilesUrlsAndLogin() {
		String section = section(DOCKER_SECTION);
		assertThat(section).contains(UP).contains("--profile full").contains("`core`", "`full`");
		assertThat(UP).contains(ComposeFile.PATH);
		for (String service : List.of("grafana", "kibana", "zipkin", "prometheus")) {
			ComposeService compose = COMPOSE.service(service);
			assertThat(section).as(service).contains("http://localhost:" + compose.publishedPorts().get(0));
		}
		var grafana = COMPOSE.service("grafana").environment();
		assertThat(section).contains("`" + grafana.get("GF_SECURITY_ADMIN_USER") + "` / `" + grafana.get("GF_SECURITY_ADMIN_PASSWORD") + "`");
		assertThat(section).contains(memoryOf(ComposeFile.CORE) + " MiB").contains(memoryOf(ComposeFile.FULL) + " MiB");
		assertThat(section).contains("validated by tests").contains("not run in our CI");
	}

	@Test
	void theKubernetesSectionGivesPrerequisitesAndTheApplyCommand() {
		String section = section(KUBERNETES_SECTION);
		assertThat(section).contains("kube-prometheus-stack").contains("kubectl apply").contains("-k deploy/k8s/overlays/demo");
		assertThat(section).contains("validated by tests").contains("not run in our CI");
		assertThat(REPOSITORY.path("deploy/k8s/overlays/demo/kustomization.yaml")).isRegularFile();
	}

	@Test
	void deployMdDocumentsTheMemoryOfEachProfile() {
		String doc = REPOSITORY.read("docs/deploy.md");
		for (String profile : List.of(ComposeFile.CORE, ComposeFile.FULL)) {
			Matcher row = Pattern.compile("^\\| `" + profile + "` \\| ([0-9]+): .*\\| ([0-9]+) MiB \\|", Pattern.MULTILINE)
				.matcher(doc);
			assertThat(row.find()).as("the %s row of the memory table", profile).isTrue();
			assertThat(Integer.parseInt(row.group(1))).as("%s containers", profile)
				.isEqualTo(COMPOSE.servicesIn(profile).size());
			assertThat(Long.parseLong(row.group(2))).as("%s memory", profile).isEqualTo(memoryOf(profile));
		}
	}

	/** Sum of the mem_limits of the profile's containers, in MiB. */
	private static long memoryOf(String profile) {
		return COMPOSE.servicesIn(profile).stream().mapToLong((name) -> COMPOSE.service(name).memoryLimitBytes()).sum() >> 20;
	}

	private static String section(String heading) {
		String readme = REPOSITORY.read("README.md");
		int start = readme.indexOf(heading + "\n");
		assertThat(start).as(heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + heading.length());
		// prose wraps anywhere: compare with single spaces
		return readme.substring(start, (end < 0) ? readme.length() : end).replaceAll("[ \\n]+", " ");
	}

}
