package io.sightline.identity;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SightlineIdentityTests {

	private static final BuildMetadata NO_BUILD_FILES = new BuildMetadata(new Properties(), new Properties());

	@Test
	void unsetSettingsGetTheDefaults() {
		SightlineIdentity identity = SightlineIdentity.derive(" orders ", " ", null, "", NO_BUILD_FILES, null);
		assertThat(identity.serviceName()).isEqualTo("orders");
		assertThat(identity.environment()).isEqualTo(SightlineIdentity.DEFAULT_ENVIRONMENT).isEqualTo("local");
		assertThat(identity.version()).isEqualTo(ReleaseIdentity.UNKNOWN_VERSION);
		assertThat(identity.versionUnknown()).isTrue();
		assertThat(identity.releaseId()).isEqualTo("unknown-unreleased");
		assertThat(identity.instanceId()).isEqualTo(ReleaseIdentity.processInstanceId());
	}

	@Test
	void settingsAndBuildFilesAreUsedTrimmed() {
		Properties buildInfo = new Properties();
		buildInfo.setProperty("build.version", "1.4.2");
		buildInfo.setProperty("build.time", "2026-11-25T17:12:00Z");
		SightlineIdentity identity = SightlineIdentity.derive(null, " prod ", null, " i-1 ",
				new BuildMetadata(buildInfo, new Properties()), "9.9");
		assertThat(identity.serviceName()).isNull();
		assertThat(identity.environment()).isEqualTo("prod");
		assertThat(identity.version()).isEqualTo("1.4.2");
		assertThat(identity.versionUnknown()).isFalse();
		assertThat(identity.releaseId()).isEqualTo("1.4.2-20261125T171200Z");
		assertThat(identity.instanceId()).isEqualTo("i-1");
		assertThat(SightlineIdentity.derive(null, null, " r-7 ", null, NO_BUILD_FILES, "9.9").releaseId())
			.isEqualTo("r-7");
	}

	@Test
	void spanAttributesAreTheSpanKeysWithTheirValues() {
		SightlineIdentity identity = new SightlineIdentity("orders", "prod", "1.0", "r-1", "i-1");
		assertThat(identity.spanAttributes()).containsExactly(
				entry("deployment.environment.name", "prod"),
				entry("service.version", "1.0"),
				entry("sightline.release.id", "r-1"),
				entry("service.instance.id", "i-1"));
		assertThat(identity.spanAttributes().keySet()).containsExactlyElementsOf(SightlineIdentity.SPAN_KEYS);
		assertThat(identity.asAttributes()).containsEntry("service.name", "orders").hasSize(5);
	}

}
