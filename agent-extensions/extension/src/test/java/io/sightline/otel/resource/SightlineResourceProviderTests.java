package io.sightline.otel.resource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.sightline.identity.ReleaseIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class SightlineResourceProviderTests {

	private static Resource resource(Map<String, String> config, Map<String, String> files) {
		return SightlineResourceProvider.create(DefaultConfigProperties.createFromMap(config), new FilesLoader(files));
	}

	private static String get(Resource resource, String key) {
		return resource.getAttribute(AttributeKey.stringKey(key));
	}

	@Test
	void explicitSettingsWin() {
		Resource resource = resource(
				Map.of("sightline.environment", "prod", "sightline.release.id", "r-9", "sightline.instance-id", "pod-1"),
				Map.of("META-INF/build-info.properties", "build.version=1.0\nbuild.time=2026-11-25T12:00:00Z\n"));
		assertThat(get(resource, "deployment.environment.name")).isEqualTo("prod");
		assertThat(get(resource, "sightline.release.id")).isEqualTo("r-9");
		assertThat(get(resource, "service.instance.id")).isEqualTo("pod-1");
		assertThat(get(resource, "service.version")).isEqualTo("1.0");
	}

	@Test
	void buildMetadataInsideABootJarGivesTheSameIdsAsTheStarter() {
		Resource resource = resource(Map.of(),
				Map.of("BOOT-INF/classes/META-INF/build-info.properties",
						"build.version=2.0\nbuild.time=2026-11-25T12:00:00Z\n", "BOOT-INF/classes/git.properties",
						"git.commit.id.abbrev=abc1234\n", "BOOT-INF/classes/application.properties",
						"sightline.environment=staging\n"));
		assertThat(get(resource, "service.version")).isEqualTo("2.0");
		assertThat(get(resource, "sightline.release.id")).isEqualTo("abc1234-20261125T120000Z");
		assertThat(get(resource, "deployment.environment.name")).isEqualTo("staging");
		assertThat(get(resource, "service.instance.id")).isEqualTo(ReleaseIdentity.processInstanceId());
	}

	@Test
	void withoutAnythingItStillHasAnIdentityAndLeavesVersionToTheAgent() {
		Resource resource = resource(Map.of(), Map.of());
		assertThat(get(resource, "deployment.environment.name")).isEqualTo("local");
		assertThat(get(resource, "sightline.release.id")).isEqualTo("unknown-unreleased");
		assertThat(get(resource, "service.version")).isNull();
	}

	/** Serves in-memory files, like an application class path. */
	public static final class FilesLoader extends ClassLoader {

		private final Map<String, String> files;

		public FilesLoader(Map<String, String> files) {
			super(null);
			this.files = files;
		}

		@Override
		public InputStream getResourceAsStream(String name) {
			String content = this.files.get(name);
			return (content != null) ? new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)) : null;
		}

	}

}
