package io.sightline.redaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCredentialRedactionTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	private final RedactionPolicy bearerOnly = RedactionPolicy.builder()
		.cardNumbers(false)
		.jwts(false)
		.keyValues(false)
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "bearer", "BEARER", "bEaReR" })
	void masksBearerTokenInAnyCase(String scheme) {
		assertThat(this.bearerOnly.redact("sent " + scheme + " abc123.def-456_x")).isEqualTo("sent " + scheme + " [REDACTED]");
	}

	@Test
	void masksBearerTokenAfterSeveralSpaces() {
		assertThat(this.bearerOnly.redact("Bearer    abc123 next")).isEqualTo("Bearer    [REDACTED] next");
	}

	@Test
	void masksBearerTokenInHeaderDumps() {
		assertThat(this.bearerOnly.redact("Authorization: Bearer abc123")).isEqualTo("Authorization: Bearer [REDACTED]");
		assertThat(this.bearerOnly.redact("{Authorization=[Bearer abc123]}"))
			.isEqualTo("{Authorization=[Bearer [REDACTED]]}");
		assertThat(this.bearerOnly.redact("\"authorization\":\"Bearer abc123\""))
			.isEqualTo("\"authorization\":\"Bearer [REDACTED]\"");
	}

	@Test
	void masksBearerJwt() {
		assertThat(this.policy.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-part_x"))
			.isEqualTo("Authorization: Bearer [REDACTED]");
	}

	@Test
	void keepsBearerWithoutToken() {
		for (String text : new String[] { "Bearer", "Bearer ", "bearers are here", "xbearer abc", "Bearer\n" }) {
			assertThat(this.bearerOnly.redact(text)).as(text).isSameAs(text);
		}
	}

	@Test
	void masksBasicCredentialsAfterAuthorizationKey() {
		assertThat(this.bearerOnly.redact("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic [REDACTED]");
		assertThat(this.bearerOnly.redact("proxy-authorization=basic dXNlcjpwYXNz=="))
			.isEqualTo("proxy-authorization=basic [REDACTED]");
		assertThat(this.bearerOnly.redact("{\"Authorization\": \"Basic dXNlcjpwYXNz\"}"))
			.isEqualTo("{\"Authorization\": \"Basic [REDACTED]\"}");
		assertThat(this.bearerOnly.redact("headers={authorization=[Basic dXNlcjpwYXNz]}"))
			.isEqualTo("headers={authorization=[Basic [REDACTED]]}");
	}

	@Test
	void keepsBasicInProse() {
		for (String text : new String[] { "Basic setup complete", "using basic auth", "x: Basic dXNlcjpwYXNz",
				"Authorization: Basic not-base64!" }) {
			assertThat(this.bearerOnly.redact(text)).as(text).isSameAs(text);
		}
	}

	@Test
	void keyValueDetectorAlsoKeepsTheScheme() {
		RedactionPolicy keyValuesOnly = RedactionPolicy.builder().bearerTokens(false).build();
		assertThat(keyValuesOnly.redact("authorization=Bearer abc123 next")).isEqualTo("authorization=Bearer [REDACTED] next");
		assertThat(keyValuesOnly.redact("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic [REDACTED]");
	}

	@Test
	void masksSeveralCredentials() {
		assertThat(this.policy.redact("a=Bearer t1, b: bearer t2; Authorization: Basic dXNlcjpwYXNz"))
			.isEqualTo("a=Bearer [REDACTED], b: bearer [REDACTED]; Authorization: Basic [REDACTED]");
	}

	@Test
	void detectorCanBeDisabled() {
		RedactionPolicy off = RedactionPolicy.builder().bearerTokens(false).build();
		String text = "sent Bearer abc123";
		assertThat(off.redact(text)).isSameAs(text);
	}

}
