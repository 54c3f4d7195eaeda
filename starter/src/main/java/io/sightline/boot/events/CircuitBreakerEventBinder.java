package io.sightline.boot.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Publishes a {@code circuit_breaker} event (tags {@code name}, {@code from}, {@code to}) for every state
 * transition of every breaker of a Resilience4j {@link CircuitBreakerRegistry}, including breakers added
 * or replaced later.
 */
public class CircuitBreakerEventBinder implements SmartInitializingSingleton {

	private final SightlineEventPublisher publisher;

	private final ObjectProvider<CircuitBreakerRegistry> registries;

	/** Identity set: a replaced breaker is a new instance with the same name. */
	private final Set<CircuitBreaker> bound = ConcurrentHashMap.newKeySet();

	public CircuitBreakerEventBinder(SightlineEventPublisher publisher,
			ObjectProvider<CircuitBreakerRegistry> registries) {
		this.publisher = publisher;
		this.registries = registries;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.registries.orderedStream().forEach(this::bind);
	}

	/** Binds every breaker of the registry, now and when added or replaced later. */
	public void bind(CircuitBreakerRegistry registry) {
		registry.getEventPublisher()
			.onEntryAdded((event) -> bind(event.getAddedEntry()))
			.onEntryReplaced((event) -> bind(event.getNewEntry()));
		registry.getAllCircuitBreakers().forEach(this::bind);
	}

	void bind(CircuitBreaker breaker) {
		if (this.bound.add(breaker)) {
			breaker.getEventPublisher().onStateTransition(this::onTransition);
		}
	}

	void onTransition(CircuitBreakerOnStateTransitionEvent event) {
		String name = event.getCircuitBreakerName();
		String from = event.getStateTransition().getFromState().name();
		String to = event.getStateTransition().getToState().name();
		this.publisher.publish(new SightlineEvent(SightlineEvent.CIRCUIT_BREAKER,
				"circuit breaker " + name + " " + to, "circuit breaker " + name + ": " + from + " -> " + to,
				stateValue(event.getStateTransition().getToState()), Map.of("name", name, "from", from, "to", to)));
	}

	/** 0 closed, 1 half-open, 2 open, 3 others: plots as a step line. */
	private static double stateValue(CircuitBreaker.State state) {
		switch (state) {
			case CLOSED:
				return 0;
			case HALF_OPEN:
				return 1;
			case OPEN:
				return 2;
			default:
				return 3;
		}
	}

}
