package io.sightline.identity;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseIdentityTests {

	private static Properties props(String... pairs) {
		Properties properties = new Properties();
		for (int i = 0; i < pairs.length; i += 2) {
			properties.setProperty(pairs[i], pairs[i + 1]);
		}
		return properties;
	}

	@Test
	void explicitReleaseIdWins() {
		assertThat(ReleaseIdentity.releaseId(" r-1 ", props("build.time", "2026-01-01T00:00:00Z"),
				props("git.commit.id.abbrev", "abc1234"), "1.0")).isEqualTo("r-1");
	}

	@Test
	void gitCommitAndBuildTimeMakeTheReleaseId() {
		assertThat(ReleaseIdentity.releaseId(null, props("build.time", "2026-11-25T17:12:00.123Z"),
				props("git.commit.id.abbrev", "abc1234"), "1.0")).isEqualTo("abc1234-20261125T171200Z");
	}

	@Test
	void dirtyWorkingTreesAreMarked() {
		assertThat(ReleaseIdentity.releaseId(null, props(), props("git.commit.id.full", "0123456789abcdef0123",
				"git.dirty", "true", "git.build.time", "2026-11-25T17:12:00Z"), "1.0"))
			.isEqualTo("0123456789ab-dirty-20261125T171200Z");
	}

	@Test
	void unparsableBuildTimesKeepOnlySafeCharacters() {
		assertThat(ReleaseIdentity.releaseId(null, props(), props("git.commit.id.abbrev", "abc",
				"git.build.time", "25.11.2026 @ 17:12:00 UTC"), "1.0")).isEqualTo("abc-25112026171200UTC");
	}

	@Test
	void buildInfoAloneGivesVersionAndTime() {
		assertThat(ReleaseIdentity.releaseId(null, props("build.time", "2026-11-25T17:12:00Z"), props(), "2.1.0"))
			.isEqualTo("2.1.0-20261125T171200Z");
	}

	@Test
	void withoutBuildMetadataTheIdSaysUnreleased() {
		assertThat(ReleaseIdentity.releaseId(null, props(), props(), "unknown")).isEqualTo("unknown-unreleased");
	}

	@Test
	void versionFromBuildInfoThenManifest() {
		assertThat(ReleaseIdentity.version(props("build.version", "3.0.0"), "9.9")).isEqualTo("3.0.0");
		assertThat(ReleaseIdentity.version(props(), "9.9")).isEqualTo("9.9");
		assertThat(ReleaseIdentity.version(props(), null)).isEqualTo("unknown");
	}

	@Test
	void instanceIdIsStableWithinTheProcess() {
		assertThat(ReleaseIdentity.processInstanceId()).isEqualTo(ReleaseIdentity.processInstanceId())
			.matches("[0-9a-f-]{36}");
	}

	@Test
	void buildMetadataIsFoundOnTheClassPathAndInsideBootJars() {
		BuildMetadata plain = BuildMetadata.load(new FixtureLoader("META-INF/build-info.properties",
				"build.version=1.0.0\n"));
		assertThat(plain.buildInfo().getProperty("build.version")).isEqualTo("1.0.0");
		BuildMetadata bootJar = BuildMetadata.load(new FixtureLoader("BOOT-INF/classes/git.properties",
				"git.commit.id.abbrev=abc\n"));
		assertThat(bootJar.git().getProperty("git.commit.id.abbrev")).isEqualTo("abc");
		assertThat(bootJar.buildInfo()).isEmpty();
	}

	/** A class loader that serves one in-memory resource. */
	static final class FixtureLoader extends ClassLoader {

		private final String name;

		private final String content;

		FixtureLoader(String name, String content) {
			super(null);
			this.name = name;
			this.content = content;
		}

		@Override
		public java.io.InputStream getResourceAsStream(String resource) {
			return this.name.equals(resource)
					? new java.io.ByteArrayInputStream(this.content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
					: null;
		}

	}

}
