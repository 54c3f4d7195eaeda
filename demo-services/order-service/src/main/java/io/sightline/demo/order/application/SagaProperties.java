package io.sightline.demo.order.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's timing, under {@code demo.saga}.
 *
 * @param timeout how long an order may stay PENDING before it is cancelled with reason {@code timeout}
 * @param sweepInterval how often PENDING orders are checked against the timeout
 * @param sweepBatch most orders timed out in one sweep
 */
@ConfigurationProperties("demo.saga")
public record SagaProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("1s") Duration sweepInterval,
		@DefaultValue("100") int sweepBatch) {

	/** Rejects values that would stop the saga from ever ending or make it spin. */
	public SagaProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("demo.saga.timeout must be positive, was " + timeout);
		}
		if (sweepInterval.compareTo(Duration.ofMillis(10)) < 0) {
			throw new IllegalArgumentException("demo.saga.sweep-interval must be at least 10ms, was " + sweepInterval);
		}
		if (sweepBatch < 1) {
			throw new IllegalArgumentException("demo.saga.sweep-batch must be at least 1, was " + sweepBatch);
		}
	}

}
