package io.sightline.redaction;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs built to trigger worst cases. The timeout is only a hang guard: a quadratic scan of
 * 1 MB would take minutes, the linear scanners take milliseconds.
 */
class HostileInputTests {

	private static final Duration HANG_GUARD = Duration.ofSeconds(5);

	private static final int ONE_MB = 1_000_000;

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	@ParameterizedTest
	@ValueSource(strings = { "1", "4", "0", "1 ", "1-", "41 ", "eyJ", "eyJ.", "eyJa.eyJb.", ".eyJ", "password=",
			"password:", "password= ", "\"password\":\"", "\\\"password\\\":\\\"", "Bearer ", "bearer bearer ",
			"Authorization: Basic ", "Authorization: Basic x ", "?token=a&", "=", ":", "==", "b", "_", "a_", " ",
			"{password=[", "'", "\"", "\\" })
	void repeatedPatternsFinish(String unit) {
		String text = unit.repeat(ONE_MB / unit.length() + 1);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(text));
		assertThat(result).isNotNull();
	}

	@Test
	void millionDigitsAreKept() {
		String digits = "4".repeat(ONE_MB);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(digits));
		assertThat(result).isSameAs(digits);
	}

	@Test
	void millionSpacedDigitsFinish() {
		// Every group can start a card, so each start must read at most 19 digits.
		String spaced = "4 1 1 1 ".repeat(ONE_MB / 8);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(spaced));
		assertThat(result).doesNotContain("4 1 1 1 4 1 1 1 4 1 1 1 4 1 1 1 4 1 1 1");
	}

	@Test
	void repeatedCardsAreAllMasked() {
		String cards = "4111111111111111 ".repeat(ONE_MB / 17);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(cards));
		assertThat(result).doesNotContain("4111").startsWith("[REDACTED] [REDACTED] ");
	}

	@Test
	void repeatedSecretsAreAllMasked() {
		String secrets = "password=hunter2 ".repeat(ONE_MB / 17);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(secrets));
		assertThat(result).doesNotContain("hunter2");
	}

	@Test
	void longTokenAfterKeyIsMaskedOnce() {
		String text = "password=" + "x".repeat(ONE_MB);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(text));
		assertThat(result).isEqualTo("password=[REDACTED]");
	}

	@Test
	void longBlankRunsFinish() {
		String text = ("password" + " ".repeat(10_000) + "=" + " ".repeat(10_000)).repeat(50);
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> this.policy.redact(text));
		assertThat(result).isNotNull();
	}

	@Test
	void customPatternsRunOnLargeInput() {
		RedactionPolicy withPattern = RedactionPolicy.builder().customPatterns(List.of("secret-\\d+")).build();
		String text = "x".repeat(ONE_MB) + " secret-42";
		String result = assertTimeoutPreemptively(HANG_GUARD, () -> withPattern.redact(text));
		assertThat(result).endsWith(" [REDACTED]").hasSize(ONE_MB + 11);
	}

	@Test
	void randomInputNeverThrows() {
		Random random = new Random(42);
		String alphabet = "0123456789 -=:\"'\\&,;[]{}()?/.eyJbBearerBasicAuthorizationpasswordtoken_\t\n\u00e9\u00a0";
		assertTimeoutPreemptively(HANG_GUARD, () -> {
			for (int i = 0; i < 20_000; i++) {
				String text = randomText(random, alphabet, random.nextInt(120));
				String once = this.policy.redact(text);
				assertThat(once).isNotNull();
				assertThat(this.policy.redact(once)).as("idempotent for %s", text).isEqualTo(once);
			}
		});
	}

	@Test
	void arbitraryCharactersNeverThrow() {
		Random random = new Random(7);
		assertTimeoutPreemptively(HANG_GUARD, () -> {
			for (int i = 0; i < 5_000; i++) {
				char[] chars = new char[random.nextInt(200)];
				for (int j = 0; j < chars.length; j++) {
					chars[j] = (char) random.nextInt(Character.MAX_VALUE + 1);
				}
				String text = new String(chars);
				assertThat(this.policy.redact(text)).isNotNull();
				assertThat(this.policy.redactValue(text, text)).isNotNull();
				this.policy.isSensitiveKey(text);
			}
		});
	}

	@Test
	void unicodeIsPreserved() {
		String text = "caf\u00e9 \ud83d\ude00 \u0000\u0007 \u00e9\u00e8 password=\ud83d\ude00\ud83d\ude01 next \ud83d\ude00";
		assertThat(this.policy.redact(text))
			.isEqualTo("caf\u00e9 \ud83d\ude00 \u0000\u0007 \u00e9\u00e8 password=[REDACTED] next \ud83d\ude00");
		String clean = "\ud83d\ude00\u00e9\u4e2d\u6587 \uffff \ud800";
		assertThat(this.policy.redact(clean)).isSameAs(clean);
	}

	@Test
	void builtInsDoNotSplitSurrogatePairs() {
		Supplier<String> emoji = () -> "\ud83d\ude00";
		String text = emoji.get() + "4111111111111111" + emoji.get() + " Bearer " + emoji.get() + "abc";
		String result = this.policy.redact(text);
		assertThat(result).isEqualTo(emoji.get() + "[REDACTED]" + emoji.get() + " Bearer [REDACTED]");
	}

	private static String randomText(Random random, String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
