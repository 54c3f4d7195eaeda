package io.sightline.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactFingerprintTests {

	private static final long PINNED = 315_532_800_000L; // 1980-01-01, a common outputTimestamp

	@TempDir
	Path temp;

	@Test
	void aReproducibleJarHasPinnedTimesAndAContentDigest() throws IOException {
		ArtifactFingerprint first = ArtifactFingerprint.of(jar("a.jar", "class A v1", PINNED, PINNED));
		ArtifactFingerprint again = ArtifactFingerprint.of(jar("b.jar", "class A v1", PINNED, PINNED));
		ArtifactFingerprint changed = ArtifactFingerprint.of(jar("c.jar", "class A v2", PINNED, PINNED));
		assertThat(first.pinnedTimestamps()).isTrue();
		assertThat(first.digest()).matches("[0-9a-f]{64}").isEqualTo(again.digest());
		assertThat(changed.digest()).isNotEqualTo(first.digest());
	}

	@Test
	void anOrdinaryJarHasEntriesOfDifferentTimes() throws IOException {
		ArtifactFingerprint fingerprint = ArtifactFingerprint.of(jar("d.jar", "class A v1", PINNED, PINNED + 60_000));
		assertThat(fingerprint.pinnedTimestamps()).isFalse();
		assertThat(fingerprint.digest()).isNotNull();
	}

	@Test
	void whatIsNotAReadableJarHasNoFingerprint() throws IOException {
		assertThat(ArtifactFingerprint.of(this.temp.resolve("missing.jar"))).isEqualTo(ArtifactFingerprint.NONE);
		Path garbage = Files.writeString(this.temp.resolve("garbage.jar"), "not a zip");
		assertThat(ArtifactFingerprint.of(garbage)).isEqualTo(ArtifactFingerprint.NONE);
	}

	@Test
	void aPinnedBuildTimeGivesWayToTheDigestInTheReleaseId() throws IOException {
		ArtifactFingerprint v1 = ArtifactFingerprint.of(jar("v1.jar", "class A v1", PINNED, PINNED));
		ArtifactFingerprint v2 = ArtifactFingerprint.of(jar("v2.jar", "class A v2", PINNED, PINNED));
		Properties buildInfo = props("build.time", "1980-01-01T00:00:00Z");
		String first = ReleaseIdentity.releaseId(null, buildInfo, props(), "1.0-SNAPSHOT", v1);
		String second = ReleaseIdentity.releaseId(null, buildInfo, props(), "1.0-SNAPSHOT", v2);
		assertThat(first).isEqualTo("1.0-SNAPSHOT-" + v1.digest().substring(0, 12)).doesNotContain("1980");
		assertThat(second).isNotEqualTo(first);
		// a commit names the build; a dirty one does not, so the digest follows it
		assertThat(ReleaseIdentity.releaseId(null, buildInfo, props("git.commit.id.abbrev", "abc1234"), "1.0", v1))
			.isEqualTo("abc1234");
		assertThat(ReleaseIdentity.releaseId(null, buildInfo,
				props("git.commit.id.abbrev", "abc1234", "git.dirty", "true"), "1.0", v2))
			.isEqualTo("abc1234-dirty-" + v2.digest().substring(0, 12));
		// an explicit id still wins, and an ordinary jar keeps the build time
		assertThat(ReleaseIdentity.releaseId("r-7", buildInfo, props(), "1.0", v1)).isEqualTo("r-7");
		ArtifactFingerprint ordinary = ArtifactFingerprint.of(jar("o.jar", "class A v1", PINNED, PINNED + 60_000));
		assertThat(ReleaseIdentity.releaseId(null, props("build.time", "2026-11-25T17:12:00Z"), props(), "1.0",
				ordinary)).isEqualTo("1.0-20261125T171200Z");
	}

	private Path jar(String name, String classContent, long classTime, long buildInfoTime) throws IOException {
		Path jar = this.temp.resolve(name);
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			add(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", classTime);
			add(zip, "com/example/A.class", classContent, classTime);
			add(zip, "META-INF/build-info.properties", "build.version=1.0\n", buildInfoTime);
		}
		return jar;
	}

	private static void add(ZipOutputStream zip, String name, String content, long time) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(time);
		zip.putNextEntry(entry);
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static Properties props(String... pairs) {
		Properties properties = new Properties();
		for (int i = 0; i < pairs.length; i += 2) {
			properties.setProperty(pairs[i], pairs[i + 1]);
		}
		return properties;
	}

}
