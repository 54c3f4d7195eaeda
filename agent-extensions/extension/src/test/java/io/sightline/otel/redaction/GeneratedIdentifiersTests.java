package io.sightline.otel.redaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedIdentifiersTests {

	@Test
	void uuidsInSpanNamesBecomeAPlaceholder() {
		assertThat(GeneratedIdentifiers.normalize("SELECT 0b6f2c1e-9d3a-4f5b-8c7d-1e2f3a4b5c6d.owners"))
			.isEqualTo("SELECT {uuid}.owners");
		assertThat(GeneratedIdentifiers.normalize("INSERT 0B6F2C1E-9D3A-4F5B-8C7D-1E2F3A4B5C6D.pets a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"))
			.isEqualTo("INSERT {uuid}.pets {uuid}");
	}

	@Test
	void namesWithoutAUuidAreTheSameInstance() {
		String name = "GET /owners/{ownerId}/pets/new";
		assertThat(GeneratedIdentifiers.normalize(name)).isSameAs(name);
		String almost = "SELECT 0b6f2c1e-9d3a-4f5b-8c7d-1e2f3a4b5c6.owners"; // one digit short
		assertThat(GeneratedIdentifiers.normalize(almost)).isSameAs(almost);
		String longer = "x 0b6f2c1e-9d3a-4f5b-8c7d-1e2f3a4b5c6d7 y"; // part of a longer hex run
		assertThat(GeneratedIdentifiers.normalize(longer)).isSameAs(longer);
		assertThat(GeneratedIdentifiers.normalize(null)).isNull();
	}

}
