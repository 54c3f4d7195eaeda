package io.sightline.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RedactionPolicyTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	@Test
	void nullAndEmptyAreReturnedAsIs() {
		assertThat(this.policy.redact(null)).isNull();
		String empty = "";
		assertThat(this.policy.redact(empty)).isSameAs(empty);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Completed request GET /api/orders/42 with status=200 in 13 ms for user bob@example.com (trace 5f2c1a)",
			"Order 1234567812345678 created at 2024-05-01T10:22:33.123Z by customer 998877, total: 42.50 EUR",
			"Starting the scheduler with a batch size of 500 and a backoff of 200 milliseconds", "basic", "b", "e",
			"eyJ", "12:30", "a=b", "x", " ", "\n", "HikariPool-1 - Added connection conn10: url=jdbc:postgresql://db:5432/orders" })
	void returnsSameInstanceForCleanText(String text) {
		assertThat(this.policy.redact(text)).isSameAs(text);
	}

	@Test
	void defaultsIsSharedAndMatchesBuilderDefaults() {
		assertThat(RedactionPolicy.defaults()).isSameAs(RedactionPolicy.defaults());
		String text = "password=a Bearer b 4111111111111111 eyJa.eyJb.c";
		assertThat(RedactionPolicy.builder().build().redact(text)).isEqualTo(RedactionPolicy.defaults().redact(text));
		assertThat(RedactionPolicy.DEFAULT_REPLACEMENT).isEqualTo("[REDACTED]");
		assertThat(RedactionPolicy.DEFAULT_SENSITIVE_KEYS).containsExactlyInAnyOrder("password", "passwd", "pwd",
				"secret", "client_secret", "token", "access_token", "api_key", "apikey", "authorization", "private_key",
				"credentials");
	}

	@Test
	void masksEveryKindInOneString() {
		String text = "user=bob password=hunter2 card=4111 1111 1111 1111 auth=\"Bearer abc\" "
				+ "jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-part_x url=/cb?access_token=t0k&page=2";
		assertThat(this.policy.redact(text)).isEqualTo("user=bob password=[REDACTED] card=[REDACTED] "
				+ "auth=\"Bearer [REDACTED]\" jwt=[REDACTED] url=/cb?access_token=[REDACTED]&page=2");
	}

	@Test
	void overlappingDetectionsBecomeOneReplacement() {
		assertThat(this.policy.redact("token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig"))
			.isEqualTo("token=[REDACTED]");
		assertThat(this.policy.redact("secret=4111111111111111")).isEqualTo("secret=[REDACTED]");
	}

	@Test
	void usesConfiguredReplacement() {
		RedactionPolicy custom = RedactionPolicy.builder().replacement("***").build();
		assertThat(custom.redact("password=a card 4111111111111111")).isEqualTo("password=*** card ***");
		assertThat(custom.replacement()).isEqualTo("***");
	}

	@Test
	void emptyReplacementDeletesSecrets() {
		RedactionPolicy custom = RedactionPolicy.builder().replacement("").build();
		assertThat(custom.redact("password=a card 4111111111111111 end")).isEqualTo("password= card  end");
	}

	@Test
	void nullReplacementIsRejected() {
		assertThatNullPointerException().isThrownBy(() -> RedactionPolicy.builder().replacement(null));
	}

	@Test
	void redactingTwiceChangesNothing() {
		String text = "password=\"a b\" Authorization: Bearer x credentials=[c] 4111-1111-1111-1111 "
				+ "{\"secret\":\"s\"} Authorization=Basic dXNlcjpwYXNz";
		String once = this.policy.redact(text);
		assertThat(this.policy.redact(once)).isSameAs(once);
	}

	@Test
	void allDetectorsOffReturnsInput() {
		RedactionPolicy off = RedactionPolicy.builder()
			.cardNumbers(false)
			.jwts(false)
			.bearerTokens(false)
			.keyValues(false)
			.build();
		String text = "password=a Bearer b 4111111111111111 eyJa.eyJb.c";
		assertThat(off.redact(text)).isSameAs(text);
	}

	@Test
	void builderIsReusableAndPoliciesAreIndependent() {
		RedactionPolicy.Builder builder = RedactionPolicy.builder();
		RedactionPolicy first = builder.build();
		RedactionPolicy second = builder.sensitiveKeys(List.of("pin")).replacement("#").build();
		assertThat(first.redact("pin=1 password=2")).isEqualTo("pin=1 password=[REDACTED]");
		assertThat(second.redact("pin=1 password=2")).isEqualTo("pin=# password=2");
	}

	@Test
	void isThreadSafe() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int seed = t;
				tasks.add(() -> {
					for (int i = 0; i < 2_000; i++) {
						String text = "id=" + seed + i + " password=p" + i + " card 4111111111111111";
						String expected = "id=" + seed + i + " password=[REDACTED] card [REDACTED]";
						if (!expected.equals(this.policy.redact(text))) {
							return false;
						}
					}
					return true;
				});
			}
			for (Future<Boolean> result : executor.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void toStringDescribesConfiguration() {
		assertThat(this.policy.toString()).contains("cardNumbers=true", "keyValues=true", "customPatterns=0");
	}

}
