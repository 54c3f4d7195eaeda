package io.sightline.boot.identity;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityResolverTests {

	private static Properties props(String... pairs) {
		Properties properties = new Properties();
		for (int i = 0; i < pairs.length; i += 2) {
			properties.setProperty(pairs[i], pairs[i + 1]);
		}
		return properties;
	}

	@Test
	void explicitReleaseIdWins() {
		assertThat(IdentityResolver.releaseId("r-1", props("build.time", "2026-01-01T00:00:00Z"),
				props("git.commit.id.abbrev", "abc1234"), "1.0")).isEqualTo("r-1");
	}

	@Test
	void gitCommitAndBuildTimeMakeTheReleaseId() {
		assertThat(IdentityResolver.releaseId(null, props("build.time", "2026-11-25T17:12:00.123Z"),
				props("git.commit.id.abbrev", "abc1234"), "1.0")).isEqualTo("abc1234-20261125T171200Z");
	}

	@Test
	void dirtyWorkingTreesAreMarked() {
		assertThat(IdentityResolver.releaseId(null, props(), props("git.commit.id.full",
				"0123456789abcdef0123", "git.dirty", "true", "git.build.time", "2026-11-25T17:12:00Z"), "1.0"))
			.isEqualTo("0123456789ab-dirty-20261125T171200Z");
	}

	@Test
	void buildInfoAloneGivesVersionAndTime() {
		assertThat(IdentityResolver.releaseId(null, props("build.time", "2026-11-25T17:12:00Z"), props(), "2.1.0"))
			.isEqualTo("2.1.0-20261125T171200Z");
	}

	@Test
	void withoutBuildMetadataTheIdSaysUnreleased() {
		assertThat(IdentityResolver.releaseId(null, props(), props(), "unknown")).isEqualTo("unknown-unreleased");
	}

	@Test
	void versionFromBuildInfoThenManifest() {
		assertThat(IdentityResolver.version(props("build.version", "3.0.0"), String.class)).isEqualTo("3.0.0");
		// spring-core's jar manifest carries Implementation-Version
		assertThat(IdentityResolver.version(props(), org.springframework.core.SpringVersion.class))
			.isEqualTo(org.springframework.core.SpringVersion.getVersion());
		assertThat(IdentityResolver.version(props(), null)).isEqualTo("unknown");
	}

	@Test
	void instanceIdIsStableWithinTheProcess() {
		assertThat(IdentityResolver.processInstanceId()).isEqualTo(IdentityResolver.processInstanceId())
			.matches("[0-9a-f-]{36}");
	}

}
