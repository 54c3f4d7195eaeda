package io.sightline.demo.payment;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code demo.payment.*}: the decline rules' tunables and the size of the decision store.
 *
 * @param limit the highest amount that is authorized
 * @param storeCapacity how many recent decisions are kept for lookups and redeliveries
 */
@ConfigurationProperties("demo.payment")
public record PaymentProperties(@DefaultValue("1000.00") BigDecimal limit, @DefaultValue("10000") int storeCapacity) {

	public PaymentProperties {
		if (limit == null || limit.signum() <= 0) {
			throw new IllegalArgumentException("demo.payment.limit must be a positive amount, got " + limit);
		}
		if (storeCapacity < 1) {
			throw new IllegalArgumentException("demo.payment.store-capacity must be at least 1, got " + storeCapacity);
		}
	}

}
