package io.sightline.redaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRedactionTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-part_x";

	private static final String REAL_JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
			+ ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
			+ ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

	private final RedactionPolicy jwtsOnly = RedactionPolicy.builder()
		.cardNumbers(false)
		.bearerTokens(false)
		.keyValues(false)
		.build();

	@Test
	void masksWholeToken() {
		assertThat(this.jwtsOnly.redact("jwt " + JWT + " end")).isEqualTo("jwt [REDACTED] end");
		assertThat(this.jwtsOnly.redact(REAL_JWT)).isEqualTo("[REDACTED]");
	}

	@Test
	void masksTokenInsideQuotesAndAfterSeparators() {
		assertThat(this.jwtsOnly.redact("{\"id_token\":\"" + REAL_JWT + "\"}"))
			.isEqualTo("{\"id_token\":\"[REDACTED]\"}");
		assertThat(this.jwtsOnly.redact("cookie=" + JWT + ";path=/")).isEqualTo("cookie=[REDACTED];path=/");
	}

	@Test
	void keepsSentencePeriodAfterToken() {
		assertThat(this.jwtsOnly.redact("got " + JWT + ". Next")).isEqualTo("got [REDACTED]. Next");
	}

	@Test
	void masksUnsignedAndEncryptedTokens() {
		assertThat(this.jwtsOnly.redact("t eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. end")).isEqualTo("t [REDACTED] end");
		assertThat(this.jwtsOnly.redact("t eyJhbGciOiJSU0EifQ.a1.b2.c3.d4 end")).isEqualTo("t [REDACTED] end");
	}

	@Test
	void masksSeveralTokens() {
		assertThat(this.jwtsOnly.redact(JWT + " and " + REAL_JWT)).isEqualTo("[REDACTED] and [REDACTED]");
	}

	@Test
	void keepsLookAlikes() {
		String twoSegments = "value eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0 end";
		String noEyj = "version abc.def.ghi end";
		String insideWord = "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig end";
		String afterDot = "a.eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig end";
		String emptyPayload = "eyJhbGciOiJIUzI1NiJ9..sig";
		for (String text : new String[] { twoSegments, noEyj, insideWord, afterDot, emptyPayload, "eyJ", "eyJ." }) {
			assertThat(this.jwtsOnly.redact(text)).as(text).isSameAs(text);
		}
	}

	@Test
	void detectorCanBeDisabled() {
		RedactionPolicy off = RedactionPolicy.builder().jwts(false).build();
		String text = "jwt " + JWT;
		assertThat(off.redact(text)).isSameAs(text);
	}

}
