package io.sightline.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SensitiveKeyTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "password", "PASSWORD", "Password", "passwd", "pwd", "secret", "client_secret", "token",
			"access_token", "api_key", "apikey", "authorization", "private_key", "credentials" })
	void defaultKeysAreSensitiveInAnyCase(String key) {
		assertThat(this.policy.isSensitiveKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user.password", "http.request.header.authorization", "HTTP.REQUEST.HEADER.AUTHORIZATION",
			"/config/db/password", "a/b.c/secret", "db_password", "apiKey", "X-Api-Key", "refresh_token",
			"rpc.request.metadata.x-api-key", "accessToken" })
	void pathsUseTheirLastSegment(String key) {
		assertThat(this.policy.isSensitiveKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "user", "username", "password.hint", "password_hint", "tokens", "gen_ai.usage.input_tokens",
			"token_count", "http.request.method", "passwordless", "user.", "secret/", ".", "/", "password " })
	void otherKeysAreNotSensitive(String key) {
		assertThat(this.policy.isSensitiveKey(key)).isFalse();
	}

	@Test
	void nullAndEmptyKeysAreNotSensitive() {
		assertThat(this.policy.isSensitiveKey(null)).isFalse();
		assertThat(this.policy.isSensitiveKey("")).isFalse();
	}

	@Test
	void sensitiveKeysReplaceTheDefaults() {
		RedactionPolicy custom = RedactionPolicy.builder().sensitiveKeys(List.of("ssn", " email ", "")).build();
		assertThat(custom.isSensitiveKey("ssn")).isTrue();
		assertThat(custom.isSensitiveKey("user.email")).isTrue();
		assertThat(custom.isSensitiveKey("password")).isFalse();
	}

	@Test
	void addSensitiveKeysExtendsTheDefaults() {
		RedactionPolicy custom = RedactionPolicy.builder().addSensitiveKeys(List.of("ssn")).build();
		assertThat(custom.isSensitiveKey("ssn")).isTrue();
		assertThat(custom.isSensitiveKey("password")).isTrue();
	}

	@Test
	void fullPathKeysMatchTheWholePath() {
		RedactionPolicy custom = RedactionPolicy.builder().addSensitiveKeys(List.of("labels.user_email")).build();
		assertThat(custom.isSensitiveKey("labels.user_email")).isTrue();
		assertThat(custom.isSensitiveKey("LABELS.USER_EMAIL")).isTrue();
		assertThat(custom.isSensitiveKey("user_email")).isFalse();
		assertThat(custom.isSensitiveKey("other.labels.user_email")).isFalse();
	}

	@Test
	void fieldPathsMatchExactly() {
		RedactionPolicy custom = RedactionPolicy.builder().fieldPaths(List.of("labels.user_email", "a/b")).build();
		assertThat(custom.isSensitiveKey("labels.user_email")).isTrue();
		assertThat(custom.isSensitiveKey("Labels.User_Email")).isTrue();
		assertThat(custom.isSensitiveKey("a/b")).isTrue();
		assertThat(custom.isSensitiveKey("labels.user_email.domain")).isFalse();
		assertThat(custom.isSensitiveKey("user_email")).isFalse();
		assertThat(custom.redactValue("labels.user_email", "bob@example.com")).isEqualTo("[REDACTED]");
		assertThat(custom.redactValue("labels.user_name", "bob")).isEqualTo("bob");
	}

	@Test
	void fieldPathsAreNotUsedInFreeText() {
		RedactionPolicy custom = RedactionPolicy.builder().fieldPaths(List.of("user_email")).build();
		String text = "user_email=bob@example.com";
		assertThat(custom.redact(text)).isSameAs(text);
	}

	@Test
	void redactValueMasksSensitiveKeysWhole() {
		assertThat(this.policy.redactValue("password", "hunter2")).isEqualTo("[REDACTED]");
		assertThat(this.policy.redactValue("http.request.header.authorization", "Bearer abc")).isEqualTo("[REDACTED]");
		assertThat(this.policy.redactValue("password", "")).isEqualTo("[REDACTED]");
	}

	@Test
	void redactValueRedactsContentOfOtherKeys() {
		String clean = "GET /orders";
		assertThat(this.policy.redactValue("http.route", clean)).isSameAs(clean);
		assertThat(this.policy.redactValue("http.url", "/cb?token=abc&x=1")).isEqualTo("/cb?token=[REDACTED]&x=1");
		assertThat(this.policy.redactValue(null, "card 4111111111111111")).isEqualTo("card [REDACTED]");
	}

	@Test
	void redactValueIsNullSafe() {
		assertThat(this.policy.redactValue("password", null)).isNull();
		assertThat(this.policy.redactValue(null, null)).isNull();
	}

	@Test
	void redactValueUsesConfiguredReplacement() {
		RedactionPolicy custom = RedactionPolicy.builder().replacement("***").build();
		assertThat(custom.redactValue("secret", "x")).isEqualTo("***");
	}

	@Test
	void builderRejectsNullKeys() {
		assertThatNullPointerException().isThrownBy(() -> RedactionPolicy.builder().sensitiveKeys(null));
		assertThatNullPointerException()
			.isThrownBy(() -> RedactionPolicy.builder().addSensitiveKeys(java.util.Arrays.asList("a", null)));
		assertThatNullPointerException().isThrownBy(() -> RedactionPolicy.builder().fieldPaths(null));
	}

}
