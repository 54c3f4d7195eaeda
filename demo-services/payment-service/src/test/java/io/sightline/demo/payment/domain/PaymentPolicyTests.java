package io.sightline.demo.payment.domain;

import java.math.BigDecimal;

import io.sightline.demo.payment.domain.PaymentPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaymentPolicyTests {

	private final PaymentPolicy policy = new PaymentPolicy(new BigDecimal("1000.00"));

	@Test
	void authorizesAnOrdinaryPayment() {
		assertThat(this.policy.decide("c-42", new BigDecimal("249.90"))).isEqualTo(new Verdict(true, null));
	}

	@Test
	void authorizesExactlyTheLimitWhateverItsScale() {
		assertThat(this.policy.decide("c-42", new BigDecimal("1000.00")).authorized()).isTrue();
		assertThat(this.policy.decide("c-42", new BigDecimal("1000")).authorized()).isTrue();
		assertThat(this.policy.decide("c-42", new BigDecimal("1000.000")).authorized()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000.01", "1000.001", "1001", "250000" })
	void declinesAboveTheLimit(String amount) {
		assertThat(this.policy.decide("c-42", new BigDecimal(amount)))
			.isEqualTo(new Verdict(false, PaymentPolicy.OVER_LIMIT));
	}

	@Test
	void theLimitIsConfigurable() {
		PaymentPolicy strict = new PaymentPolicy(new BigDecimal("50"));
		assertThat(strict.decide("c-42", new BigDecimal("50.00")).authorized()).isTrue();
		assertThat(strict.decide("c-42", new BigDecimal("50.01")).reason()).isEqualTo(PaymentPolicy.OVER_LIMIT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "blocked-1", "blocked-", "BLOCKED-mallory", " blocked-x" })
	void declinesBlockedCustomers(String customerId) {
		assertThat(this.policy.decide(customerId, new BigDecimal("10")))
			.isEqualTo(new Verdict(false, PaymentPolicy.CUSTOMER_BLOCKED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "unblocked-1", "blocked", "c-blocked-1", "blockedx" })
	void onlyThePrefixBlocks(String customerId) {
		assertThat(this.policy.decide(customerId, new BigDecimal("10")).authorized()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-0.01", "-100" })
	void declinesAmountsOfZeroOrLess(String amount) {
		assertThat(this.policy.decide("c-42", new BigDecimal(amount)))
			.isEqualTo(new Verdict(false, PaymentPolicy.INVALID_AMOUNT));
	}

	@Test
	void declinesAMissingAmount() {
		assertThat(this.policy.decide("c-42", null)).isEqualTo(new Verdict(false, PaymentPolicy.INVALID_AMOUNT));
	}

	@Test
	void smallestPositiveAmountIsAuthorized() {
		assertThat(this.policy.decide("c-42", new BigDecimal("0.01")).authorized()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void declinesAMissingCustomer(String customerId) {
		assertThat(this.policy.decide(customerId, BigDecimal.TEN).reason()).isEqualTo(PaymentPolicy.MISSING_CUSTOMER);
		assertThat(this.policy.decide(null, BigDecimal.TEN).reason()).isEqualTo(PaymentPolicy.MISSING_CUSTOMER);
	}

	@Test
	void firstMatchingRuleGivesTheReason() {
		// invalid amount beats a blocked customer, a blocked customer beats the limit
		assertThat(this.policy.decide("blocked-1", BigDecimal.ZERO).reason()).isEqualTo(PaymentPolicy.INVALID_AMOUNT);
		assertThat(this.policy.decide("blocked-1", new BigDecimal("5000")).reason())
			.isEqualTo(PaymentPolicy.CUSTOMER_BLOCKED);
	}

	@Test
	void rejectsALimitThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentPolicy(BigDecimal.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new PaymentPolicy(new BigDecimal("-1")));
	}

}
