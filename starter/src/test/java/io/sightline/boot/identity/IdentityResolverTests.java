package io.sightline.boot.identity;


import io.sightline.identity.SightlineIdentity;
import io.sightline.identity.ReleaseIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.core.SpringVersion;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Spring side of identity; the derivation rules are tested in sightline-identity. */
class IdentityResolverTests {

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
			" orders ");

	@Test
	void buildInfoOnTheClassPathGivesVersionAndReleaseId() {
		// src/test/resources/META-INF/build-info.properties
		SightlineIdentity identity = IdentityResolver.resolve(this.environment, new IdentityProperties(),
				getClass().getClassLoader(), null);
		assertThat(identity.serviceName()).isEqualTo("orders");
		assertThat(identity.version()).isEqualTo("1.2.3-it");
		assertThat(identity.releaseId()).isEqualTo("1.2.3-it-20261125T120000Z");
		assertThat(identity.instanceId()).isEqualTo(ReleaseIdentity.processInstanceId());
		// the documented default of sightline.environment is the one the derivation applies
		assertThat(identity.environment()).isEqualTo(new IdentityProperties().getEnvironment())
			.isEqualTo(SightlineIdentity.DEFAULT_ENVIRONMENT);
	}

	@Test
	void manifestVersionIsTheFallback() {
		ClassLoader empty = new ClassLoader(null) {
		};
		SightlineIdentity identity = IdentityResolver.resolve(this.environment, new IdentityProperties(), empty,
				SpringVersion.class);
		assertThat(identity.version()).isEqualTo(SpringVersion.getVersion());
		assertThat(identity.releaseId()).isEqualTo(SpringVersion.getVersion() + "-unreleased");
	}

	@Test
	void propertiesOverrideReleaseAndInstance() {
		IdentityProperties properties = new IdentityProperties();
		properties.getRelease().setId("r-5");
		properties.setInstanceId("pod-7");
		properties.setEnvironment("prod");
		SightlineIdentity identity = IdentityResolver.resolve(this.environment, properties,
				getClass().getClassLoader(), null);
		assertThat(identity.releaseId()).isEqualTo("r-5");
		assertThat(identity.instanceId()).isEqualTo("pod-7");
		assertThat(identity.environment()).isEqualTo("prod");
	}

	@Test
	void missingServiceNameIsRefused() {
		assertThatExceptionOfType(MissingServiceNameException.class).isThrownBy(() -> IdentityResolver
			.resolve(new MockEnvironment(), new IdentityProperties(), getClass().getClassLoader(), null));
	}

}
