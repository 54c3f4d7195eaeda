package io.sightline.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sightline.deploy.repository.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file under deploy/k8s is a strictly valid manifest, a kustomization, or a file one of them reads. */
class ManifestStrictnessTests {

	private static final Repository REPOSITORY = Repository.locate();

	@Test
	void everyManifestFileParsesStrictlyIntoTheKubernetesModel() {
		List<Path> files = KubernetesManifests.files(REPOSITORY);
		assertThat(files).hasSizeGreaterThanOrEqualTo(10);
		for (Path file : files) {
			List<HasMetadata> objects = StrictKubernetesParser.parse(Repository.read(file), REPOSITORY.relative(file));
			assertThat(objects).as(REPOSITORY.relative(file)).isNotEmpty();
			assertThat(objects).as(REPOSITORY.relative(file))
				.allSatisfy((object) -> assertThat(object.getMetadata().getName()).isNotBlank());
		}
	}

	@Test
	void kustomizationsNameOnlyFilesThatExistAndEveryFileIsUsed() throws Exception {
		List<Path> used = new ArrayList<>();
		for (Path kustomization : REPOSITORY.files(KubernetesManifests.FOLDER, "kustomization.yaml")) {
			Path folder = kustomization.getParent();
			Map<String, Object> content = Repository.yamlMap(Repository.read(kustomization));
			for (String key : List.of("resources", "bases")) {
				for (Object entry : (List<?>) content.getOrDefault(key, List.of())) {
					Path target = folder.resolve(String.valueOf(entry)).normalize();
					assertThat(target).as("%s: %s", REPOSITORY.relative(kustomization), entry).exists();
					used.add(Files.isDirectory(target) ? target.resolve("kustomization.yaml") : target);
				}
			}
			for (String key : List.of("configMapGenerator", "secretGenerator")) {
				for (Object generator : (List<?>) content.getOrDefault(key, List.of())) {
					Object files = ((Map<?, ?>) generator).get("files");
					for (Object entry : (files != null) ? (List<?>) files : List.of()) {
						Path target = folder.resolve(String.valueOf(entry)).normalize();
						assertThat(target).as("%s: %s", REPOSITORY.relative(kustomization), entry).isRegularFile();
						used.add(target);
					}
				}
			}
		}
		List<Path> unused = new ArrayList<>();
		try (var walk = Files.walk(REPOSITORY.path(KubernetesManifests.FOLDER))) {
			walk.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.filter((file) -> !used.contains(file.normalize()))
				.forEach(unused::add);
		}
		assertThat(unused).as("files no kustomization reads").isEmpty();
	}

}
