package io.sightline.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CustomPatternRedactionTests {

	@Test
	void replacesEveryMatch() {
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("\\d{3}-\\d{2}-\\d{4}")).build();
		assertThat(policy.redact("ssn 123-45-6789 and 987-65-4321.")).isEqualTo("ssn [REDACTED] and [REDACTED].");
	}

	@Test
	void combinesWithBuiltInsAndOtherPatterns() {
		RedactionPolicy policy = RedactionPolicy.builder()
			.customPatterns(List.of("[\\w.+-]+@[\\w-]+\\.[\\w.]+", "AKIA[0-9A-Z]{16}"))
			.build();
		assertThat(policy.redact("mail bob@example.com key AKIAIOSFODNN7EXAMPLE password=x card 4111111111111111"))
			.isEqualTo("mail [REDACTED] key [REDACTED] password=[REDACTED] card [REDACTED]");
	}

	@Test
	void overlappingMatchesBecomeOneReplacement() {
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("abc", "bcd")).build();
		assertThat(policy.redact("xabcdx")).isEqualTo("x[REDACTED]x");
	}

	@Test
	void replacementIsLiteral() {
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("(b)")).replacement("$1\\").build();
		assertThat(policy.redact("abc")).isEqualTo("a$1\\c");
	}

	@Test
	void emptyMatchesChangeNothing() {
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("x*", "")).build();
		String text = "abc";
		assertThat(policy.redact(text)).isSameAs(text);
	}

	@Test
	void keepsInstanceWhenNothingMatches() {
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("secret-\\d+")).build();
		String text = "nothing to see";
		assertThat(policy.redact(text)).isSameAs(text);
	}

	@Test
	void customPatternsAloneWorkWithoutBuiltIns() {
		RedactionPolicy policy = RedactionPolicy.builder()
			.cardNumbers(false)
			.jwts(false)
			.bearerTokens(false)
			.keyValues(false)
			.customPatterns(List.of("internal-[a-z]+"))
			.build();
		assertThat(policy.redact("host internal-db password=x")).isEqualTo("host [REDACTED] password=x");
	}

	@Test
	void invalidPatternNamesThePattern() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedactionPolicy.builder().customPatterns(List.of("ok\\d+", "broken[a-")))
			.withMessageContaining("broken[a-");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedactionPolicy.builder().customPatterns(List.of("(unclosed")))
			.withMessageContaining("'(unclosed'");
	}

	@Test
	void nullPatternIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RedactionPolicy.builder().customPatterns(java.util.Arrays.asList("a", null)))
			.withMessageContaining("null");
	}

	@Test
	void failingPatternFailsClosed() {
		// Deep recursion in java.util.regex on long input: the text must not leak, nor the error escape.
		RedactionPolicy policy = RedactionPolicy.builder().customPatterns(List.of("(a|b)*")).build();
		String text = "password=x " + "ab".repeat(200_000);
		assertThat(policy.redact(text)).isEqualTo("[REDACTED]");
	}

}
