package io.sightline.redaction;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Secrets in URLs, query strings and form bodies arrive percent-encoded (found by the reliability
 * suite: an email in a path reached Zipkin as {@code jane%40example.com}). Every detector also sees
 * the decoded text.
 */
class UrlEncodedSecretsTests {

	private final RedactionPolicy policy = RedactionPolicy.builder()
		// the lookbehind starts matches only at the start of a run: linear on long runs without '@'
		.customPatterns(List.of("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"))
		.build();

	@Test
	void anEncodedEmailInAPathIsMaskedByAPatternWrittenForTheDecodedForm() {
		assertThat(this.policy.redact("http://orders:8081/orders/jane.doe%40example.com?x=1"))
			.isEqualTo("http://orders:8081/orders/[REDACTED]?x=1");
	}

	@Test
	void cardNumbersWithEncodedOrFormSpacesAreMasked() {
		for (String text : List.of("card=4111%201111%201111%201111&x=1", "card=4111+1111+1111+1111&x=1",
				"card=4111%2D1111%2D1111%2D1111&x=1")) {
			assertThat(this.policy.redact(text)).as(text).isEqualTo("card=[REDACTED]&x=1");
		}
	}

	@Test
	void anEncodedKeyValuePairIsMasked() {
		String redacted = this.policy.redact("/search?q=password%3Dhunter2%26next%3D1");
		assertThat(redacted).doesNotContain("hunter2").startsWith("/search?q=password%3D");
	}

	@Test
	void aJwtWithEncodedDotsAndAnEncodedBearerAreMasked() {
		String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX19fX19fX18";
		assertThat(this.policy.redact("token=" + jwt.replace(".", "%2E"))).doesNotContain("eyJzdWIiOiJhbGljZSJ9");
		assertThat(this.policy.redact("auth=Bearer%20abcdef0123456789xyz")).doesNotContain("abcdef0123456789xyz");
	}

	@Test
	void cleanTextWithPercentsAndPlusesIsReturnedAsIs() {
		for (String text : List.of("100% done", "50%2", "%zz%g1", "a+b=c", "1+", "+1", "caf%C3%A9 au lait",
				"/catalog?page=2&size=20%25")) {
			assertThat(this.policy.redact(text)).as(text).isSameAs(text);
		}
	}

	@Test
	void secretsThatAreNotEncodedAreMaskedOnceAsBefore() {
		assertThat(this.policy.redact("card 4111111111111111 and %41"))
			.isEqualTo("card [REDACTED] and %41");
	}

	@Test
	void hostileEncodingsFinishInLinearTime() {
		for (String unit : List.of("%41", "%4", "1+", "%20", "4%201")) {
			String text = unit.repeat(1_000_000 / unit.length());
			String result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> this.policy.redact(text));
			assertThat(result).isNotNull();
		}
	}

}
