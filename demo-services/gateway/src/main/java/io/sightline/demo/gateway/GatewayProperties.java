package io.sightline.demo.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the downstream services are, and how patient the gateway is with them.
 *
 * @param orderServiceUrl base URL of order-service
 * @param paymentServiceUrl base URL of payment-service
 * @param inventoryServiceUrl base URL of inventory-service
 * @param timeout connect and read timeout of one downstream call
 * @param retryAttempts attempts of an idempotent call (first try included)
 * @param retryBackoff wait before the first retry; doubled for each next one
 * @param breakerWindow calls in the circuit breaker's sliding window
 * @param breakerMinimumCalls calls before the breaker may open
 * @param breakerFailureRate failure percentage that opens the breaker
 * @param breakerOpenDuration how long the breaker stays open before letting trial calls through
 */
@ConfigurationProperties("demo.gateway")
public record GatewayProperties(String orderServiceUrl, String paymentServiceUrl, String inventoryServiceUrl,
		Duration timeout, int retryAttempts, Duration retryBackoff, int breakerWindow, int breakerMinimumCalls,
		float breakerFailureRate, Duration breakerOpenDuration) {

	public GatewayProperties {
		orderServiceUrl = (orderServiceUrl != null) ? orderServiceUrl : "http://127.0.0.1:8081";
		paymentServiceUrl = (paymentServiceUrl != null) ? paymentServiceUrl : "http://127.0.0.1:8082";
		inventoryServiceUrl = (inventoryServiceUrl != null) ? inventoryServiceUrl : "http://127.0.0.1:8083";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(2);
		retryAttempts = (retryAttempts > 0) ? retryAttempts : 3;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMillis(100);
		breakerWindow = (breakerWindow > 0) ? breakerWindow : 10;
		breakerMinimumCalls = (breakerMinimumCalls > 0) ? breakerMinimumCalls : 5;
		breakerFailureRate = (breakerFailureRate > 0) ? breakerFailureRate : 50f;
		breakerOpenDuration = (breakerOpenDuration != null) ? breakerOpenDuration : Duration.ofSeconds(10);
	}

}
