package io.sightline.demo.gateway.downstream;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sightline.demo.faults.DependencyDownInterceptor;
import io.sightline.demo.faults.FaultInjector;
import io.sightline.demo.gateway.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The three downstream services. Clients come from Boot's {@link RestClient.Builder}, so calls are
 * observed (metrics, and spans when agentless) like any other; breaker and retry state is exported as
 * {@code resilience4j_circuitbreaker_*} and {@code resilience4j_retry_*}.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamConfiguration {

	public static final String ORDER_SERVICE = "order-service";

	public static final String PAYMENT_SERVICE = "payment-service";

	public static final String INVENTORY_SERVICE = "inventory-service";

	@Bean
	CircuitBreakerRegistry circuitBreakerRegistry(GatewayProperties properties) {
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.breakerWindow())
			.minimumNumberOfCalls(properties.breakerMinimumCalls())
			.failureRateThreshold(properties.breakerFailureRate())
			.waitDurationInOpenState(properties.breakerOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// a 4xx is the caller's mistake, not a sick downstream
			.ignoreExceptions(HttpClientErrorException.class)
			.build());
	}

	@Bean
	RetryRegistry retryRegistry(GatewayProperties properties) {
		return RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(properties.retryAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
			.retryExceptions(ResourceAccessException.class, HttpServerErrorException.class)
			.ignoreExceptions(CallNotPermittedException.class, HttpClientErrorException.class)
			.build());
	}

	@Bean
	MeterBinder resilienceMetrics(CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return (registry) -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
		};
	}

	@Bean
	Downstream orderService(RestClient.Builder builder, GatewayProperties properties, CircuitBreakerRegistry breakers,
			RetryRegistry retries, FaultInjector faults) {
		return downstream(ORDER_SERVICE, properties.orderServiceUrl(), builder, properties, breakers, retries, faults);
	}

	@Bean
	Downstream paymentService(RestClient.Builder builder, GatewayProperties properties,
			CircuitBreakerRegistry breakers, RetryRegistry retries, FaultInjector faults) {
		return downstream(PAYMENT_SERVICE, properties.paymentServiceUrl(), builder, properties, breakers, retries,
				faults);
	}

	@Bean
	Downstream inventoryService(RestClient.Builder builder, GatewayProperties properties,
			CircuitBreakerRegistry breakers, RetryRegistry retries, FaultInjector faults) {
		return downstream(INVENTORY_SERVICE, properties.inventoryServiceUrl(), builder, properties, breakers,
				retries, faults);
	}

	private static Downstream downstream(String name, String url, RestClient.Builder builder,
			GatewayProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries,
			FaultInjector faults) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		factory.setReadTimeout(properties.timeout());
		RestClient client = builder.clone()
			.baseUrl(url)
			.requestFactory(factory)
			.requestInterceptor(new DependencyDownInterceptor(faults, name))
			.build();
		return new Downstream(name, client, breakers.circuitBreaker(name), retries.retry(name));
	}

}
