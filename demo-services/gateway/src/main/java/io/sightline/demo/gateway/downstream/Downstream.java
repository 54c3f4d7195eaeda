package io.sightline.demo.gateway.downstream;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.web.client.RestClient;

/**
 * One downstream service: its HTTP client (with timeouts and the dependency-down fault), its circuit
 * breaker and its retry. Retry wraps the breaker, so every attempt counts in the breaker's window, and
 * an open breaker is never retried.
 */
public final class Downstream {

	private final String name;

	private final RestClient client;

	private final CircuitBreaker breaker;

	private final Retry retry;

	public Downstream(String name, RestClient client, CircuitBreaker breaker, Retry retry) {
		this.name = name;
		this.client = client;
		this.breaker = breaker;
		this.retry = retry;
	}

	public String name() {
		return this.name;
	}

	public RestClient client() {
		return this.client;
	}

	public CircuitBreaker breaker() {
		return this.breaker;
	}

	/**
	 * @param call the HTTP call
	 * @param idempotent whether the call may be retried (reads, not order placement)
	 * @param fallback the answer when the call fails or the breaker is open
	 */
	public <T> T call(Supplier<T> call, boolean idempotent, Function<Throwable, T> fallback) {
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(this.breaker, call);
		if (idempotent) {
			guarded = Retry.decorateSupplier(this.retry, guarded);
		}
		try {
			return guarded.get();
		}
		catch (RuntimeException ex) {
			return fallback.apply(ex);
		}
	}

}
