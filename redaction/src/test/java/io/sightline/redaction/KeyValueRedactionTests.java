package io.sightline.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeyValueRedactionTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "password", "passwd", "pwd", "secret", "client_secret", "token", "access_token",
			"api_key", "apikey", "authorization", "private_key", "credentials", "PASSWORD", "Api_Key" })
	void masksEveryDefaultKey(String key) {
		assertThat(this.policy.redact("login " + key + "=hunter2 ok")).isEqualTo("login " + key + "=[REDACTED] ok");
		assertThat(this.policy.redact("login " + key + ": hunter2 ok")).isEqualTo("login " + key + ": [REDACTED] ok");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "password=hunter2|password=[REDACTED]",
			"password: hunter2|password: [REDACTED]", "password:hunter2|password:[REDACTED]",
			"password = hunter2|password = [REDACTED]", "\"password\":\"hunter2\"|\"password\":\"[REDACTED]\"",
			"\"password\": \"hunter two\"|\"password\": \"[REDACTED]\"", "'password': 'hunter2'|'password': '[REDACTED]'",
			"password=\"hunter 2\" user=bob|password=\"[REDACTED]\" user=bob",
			"password='a\\'b' next|password='[REDACTED]' next" })
	void masksValueInEveryNotation(String input, String expected) {
		assertThat(this.policy.redact(input)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "password=a b|password=[REDACTED] b", "password=a&b|password=[REDACTED]&b",
			"password=a,b|password=[REDACTED],b", "password=a;b|password=[REDACTED];b",
			"msg=\"password=a\"|msg=\"password=[REDACTED]\"" })
	void stopsValueAtTerminator(String input, String expected) {
		assertThat(this.policy.redact(input)).isEqualTo(expected);
	}

	@Test
	void stopsValueAtControlCharacters() {
		assertThat(this.policy.redact("password=a\tb")).isEqualTo("password=[REDACTED]\tb");
		assertThat(this.policy.redact("password=a\nb")).isEqualTo("password=[REDACTED]\nb");
		assertThat(this.policy.redact("password=a\u00a0b")).isEqualTo("password=[REDACTED]\u00a0b");
	}

	@Test
	void masksQueryStringParameters() {
		assertThat(this.policy.redact("GET /cb?token=abc&x=1")).isEqualTo("GET /cb?token=[REDACTED]&x=1");
		assertThat(this.policy.redact("GET /cb?x=1&access_token=abc&client_secret=s3&y=2"))
			.isEqualTo("GET /cb?x=1&access_token=[REDACTED]&client_secret=[REDACTED]&y=2");
		assertThat(this.policy.redact("https://api.example.com/v1?apikey=AKIA123")).isEqualTo("https://api.example.com/v1?apikey=[REDACTED]");
	}

	@Test
	void masksJsonishText() {
		String json = "{\"user\":\"bob\",\"password\":\"hunter2\",\"nested\":{\"api_key\":\"k-1\"},\"token\":null,\"count\":3}";
		assertThat(this.policy.redact(json)).isEqualTo(
				"{\"user\":\"bob\",\"password\":\"[REDACTED]\",\"nested\":{\"api_key\":\"[REDACTED]\"},\"token\":[REDACTED],\"count\":3}");
	}

	@Test
	void masksJsonEscapedInsideAString() {
		String logged = "body=\"{\\\"password\\\":\\\"hun\\\\ter2\\\",\\\"user\\\":\\\"bob\\\"}\"";
		assertThat(this.policy.redact(logged)).isEqualTo("body=\"{\\\"password\\\":\\\"[REDACTED]\\\",\\\"user\\\":\\\"bob\\\"}\"");
	}

	@Test
	void keepsBracketsOfToStringOutput() {
		assertThat(this.policy.redact("User[name=bob, password=hunter2]")).isEqualTo("User[name=bob, password=[REDACTED]]");
		assertThat(this.policy.redact("{secret=abc}")).isEqualTo("{secret=[REDACTED]}");
		assertThat(this.policy.redact("credentials=[abc]")).isEqualTo("credentials=[[REDACTED]]");
	}

	@Test
	void masksKeysByNormalizedSuffix() {
		assertThat(this.policy.redact("db_password=x1 X-Api-Key: x2 refreshToken=x3 clientSecret=x4"))
			.isEqualTo("db_password=[REDACTED] X-Api-Key: [REDACTED] refreshToken=[REDACTED] clientSecret=[REDACTED]");
		assertThat(this.policy.redact("user.password=x1")).isEqualTo("user.password=[REDACTED]");
	}

	@Test
	void keepsNonSensitiveKeys() {
		String text = "user=bob tokens=5 password_hint=pet max_tokens=100 status: ok passwordless=true";
		assertThat(this.policy.redact(text)).isSameAs(text);
	}

	@Test
	void keepsComparisonsUrlsAndEmptyValues() {
		for (String text : new String[] { "if token == null", "Token::new", "token://host/x", "password=", "password= ",
				"password=&x=1", "token: ", "password:", "\"password\":\"\"" }) {
			assertThat(this.policy.redact(text)).as(text).isSameAs(text);
		}
	}

	@Test
	void masksSeveralSecrets() {
		assertThat(this.policy.redact("password=a secret: b token=c user=d"))
			.isEqualTo("password=[REDACTED] secret: [REDACTED] token=[REDACTED] user=d");
	}

	@Test
	void unterminatedQuoteStopsAtLineEnd() {
		assertThat(this.policy.redact("password=\"abc def\nnext line")).isEqualTo("password=\"[REDACTED]\nnext line");
	}

	@Test
	void usesConfiguredKeys() {
		RedactionPolicy custom = RedactionPolicy.builder().sensitiveKeys(List.of("ssn")).build();
		assertThat(custom.redact("ssn=123-45-6789 password=kept")).isEqualTo("ssn=[REDACTED] password=kept");
		RedactionPolicy added = RedactionPolicy.builder().addSensitiveKeys(List.of("ssn")).build();
		assertThat(added.redact("ssn=1 password=2")).isEqualTo("ssn=[REDACTED] password=[REDACTED]");
	}

	@Test
	void emptyKeySetDisablesDetector() {
		RedactionPolicy none = RedactionPolicy.builder().sensitiveKeys(List.of()).build();
		String text = "password=hunter2";
		assertThat(none.redact(text)).isSameAs(text);
	}

	@Test
	void detectorCanBeDisabled() {
		RedactionPolicy off = RedactionPolicy.builder().keyValues(false).build();
		String text = "password=hunter2";
		assertThat(off.redact(text)).isSameAs(text);
		assertThat(off.isSensitiveKey("password")).isTrue();
	}

}
