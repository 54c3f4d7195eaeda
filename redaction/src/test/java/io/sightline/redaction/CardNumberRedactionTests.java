package io.sightline.redaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumberRedactionTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	private final RedactionPolicy cardsOnly = RedactionPolicy.builder()
		.jwts(false)
		.bearerTokens(false)
		.keyValues(false)
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444",
			"378282246310005", "3782 822463 10005", "6011111111111117", "30569309025904", "4222222222222",
			"4000000000000000006", "1234 5678 1234 5670" })
	void masksLuhnValidNumbers(String card) {
		assertThat(this.cardsOnly.redact("paid with " + card + " today")).isEqualTo("paid with [REDACTED] today");
	}

	@Test
	void masksWholeText() {
		assertThat(this.policy.redact("4111111111111111")).isEqualTo("[REDACTED]");
	}

	@Test
	void masksNextToPunctuation() {
		assertThat(this.policy.redact("card=(4111-1111-1111-1111).")).isEqualTo("card=([REDACTED]).");
		assertThat(this.policy.redact("[4111111111111111]")).isEqualTo("[[REDACTED]]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111112", "1234567812345678", "2024051512345678", "1700000000001",
			"4111 1111 1111 1112" })
	void keepsLuhnInvalidNumbers(String number) {
		String text = "order " + number + " shipped";
		assertThat(this.policy.redact(text)).isSameAs(text);
	}

	@Test
	void keepsSixteenDigitOrderIdThatFailsLuhn() {
		String text = "Order 1234567812345678 created for customer 42";
		assertThat(this.policy.redact(text)).isSameAs(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x4111111111111111", "4111111111111111x", "ID4111111111111111", "41111111111111111",
			"94111111111111111", "41111111111111111111", "order_id=a4111111111111111b" })
	void keepsDigitsInsideLongerTokens(String text) {
		assertThat(this.cardsOnly.redact(text)).isSameAs(text);
	}

	@Test
	void keepsTooShortAndTooLongNumbers() {
		String shortNumber = "code 411111111111 end";
		String longNumber = "code 41111111111111111111111 end";
		assertThat(this.policy.redact(shortNumber)).isSameAs(shortNumber);
		assertThat(this.policy.redact(longNumber)).isSameAs(longNumber);
	}

	@Test
	void requiresSingleSeparators() {
		String doubleSpace = "card 4111  1111  1111  1111 end";
		String mixed = "card 4111--1111--1111--1111 end";
		assertThat(this.policy.redact(doubleSpace)).isSameAs(doubleSpace);
		assertThat(this.policy.redact(mixed)).isSameAs(mixed);
	}

	@Test
	void findsCardNextToOtherNumbers() {
		assertThat(this.cardsOnly.redact("qty 3 4111 1111 1111 1111 ok")).isEqualTo("qty 3 [REDACTED] ok");
		assertThat(this.cardsOnly.redact("card 4111-1111-1111-1111 123 ok")).isEqualTo("card [REDACTED] 123 ok");
		assertThat(this.cardsOnly.redact("2024-05-01 4111111111111111")).isEqualTo("2024-05-01 [REDACTED]");
	}

	@Test
	void masksSeveralCards() {
		assertThat(this.policy.redact("a 4111111111111111, b 5555 5555 5555 4444; c 378282246310005"))
			.isEqualTo("a [REDACTED], b [REDACTED]; c [REDACTED]");
	}

	@Test
	void keepsTimestampsAndDates() {
		String text = "at 2024-05-01T10:22:33.123Z epoch 1715000000000 took 1500 ms";
		assertThat(this.policy.redact(text)).isSameAs(text);
	}

	@Test
	void detectorCanBeDisabled() {
		RedactionPolicy off = RedactionPolicy.builder().cardNumbers(false).build();
		String text = "paid with 4111 1111 1111 1111";
		assertThat(off.redact(text)).isSameAs(text);
	}

}
