package io.sightline.boot.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sightline.redaction.RedactionSettings;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code sightline.redaction.*} properties and the keys the agent extension reads are one
 * set, with one set of defaults: both map through {@link RedactionSettings}.
 */
class RedactionSettingsMetadataTests {

	@Test
	void thePropertyMetadataListsExactlyTheKeysTheAgentReads() throws IOException {
		assertThat(redactionProperties().keySet()).containsExactlyInAnyOrderElementsOf(RedactionSettings.KEYS);
	}

	@Test
	void theDocumentedDefaultsAreTheSharedDefaults() throws IOException {
		Map<String, JsonNode> properties = redactionProperties();
		RedactionSettings defaults = RedactionSettings.DEFAULTS;
		assertThat(properties.get(RedactionSettings.ENABLED).path("defaultValue").asBoolean()).isEqualTo(defaults.enabled());
		assertThat(properties.get(RedactionSettings.CARD_NUMBERS).path("defaultValue").asBoolean())
			.isEqualTo(defaults.cardNumbers());
		assertThat(properties.get(RedactionSettings.JWTS).path("defaultValue").asBoolean()).isEqualTo(defaults.jwts());
		assertThat(properties.get(RedactionSettings.BEARER_TOKENS).path("defaultValue").asBoolean())
			.isEqualTo(defaults.bearerTokens());
		assertThat(properties.get(RedactionSettings.KEY_VALUES).path("defaultValue").asBoolean())
			.isEqualTo(defaults.keyValues());
		assertThat(properties.get(RedactionSettings.REPLACEMENT).path("defaultValue").asString())
			.isEqualTo(defaults.replacement());
		// and the bound object, which is what the starter maps
		assertThat(new RedactionProperties().toSettings()).isEqualTo(defaults);
	}

	private static Map<String, JsonNode> redactionProperties() throws IOException {
		try (InputStream in = RedactionProperties.class.getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
				String name = property.path("name").asString();
				if (name.startsWith(RedactionSettings.PREFIX)) {
					properties.put(name, property);
				}
			}
			return properties;
		}
	}

}
