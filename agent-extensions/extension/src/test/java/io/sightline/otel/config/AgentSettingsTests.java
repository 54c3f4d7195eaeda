package io.sightline.otel.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.sightline.redaction.RedactionPolicy;
import io.sightline.redaction.RedactionSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentSettingsTests {

	@Test
	void theAgentReadsExactlyTheSharedRedactionKeys() {
		Set<String> read = new TreeSet<>();
		AgentSettings.redactionPolicy(recording(DefaultConfigProperties.createFromMap(Map.of()), read));
		assertThat(read).containsExactlyInAnyOrderElementsOf(RedactionSettings.KEYS);
	}

	@Test
	void theAgentsPolicyFollowsTheSettings() {
		RedactionPolicy policy = AgentSettings.redactionPolicy(DefaultConfigProperties.createFromMap(
				Map.of(RedactionSettings.PATTERNS, "EMP-\\d{4}", RedactionSettings.REPLACEMENT, "***")));
		assertThat(policy.redact("employee EMP-1234")).isEqualTo("employee ***");
		RedactionPolicy off = AgentSettings
			.redactionPolicy(DefaultConfigProperties.createFromMap(Map.of(RedactionSettings.ENABLED, "false")));
		assertThat(off.redact("password=hunter2")).isEqualTo("password=hunter2");
	}

	@Test
	void aBadPatternNamesTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AgentSettings
				.redactionPolicy(DefaultConfigProperties.createFromMap(Map.of(RedactionSettings.PATTERNS, "(unclosed"))))
			.withMessageStartingWith("Invalid sightline.redaction.patterns: ");
	}

	/** A ConfigProperties that records every key asked for. */
	private static ConfigProperties recording(ConfigProperties delegate, Set<String> keys) {
		return (ConfigProperties) Proxy.newProxyInstance(ConfigProperties.class.getClassLoader(),
				new Class<?>[] { ConfigProperties.class }, (proxy, method, args) -> {
					if (args != null && args.length > 0 && args[0] instanceof String key) {
						keys.add(key);
					}
					try {
						return method.invoke(delegate, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
