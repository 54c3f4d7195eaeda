package io.sightline.boot.events;

/**
 * Publishes deployment events. Implementations never block the caller and never throw: an event that
 * cannot be delivered is dropped and counted.
 */
@FunctionalInterface
public interface SightlineEventPublisher {

	void publish(SightlineEvent event);

}
