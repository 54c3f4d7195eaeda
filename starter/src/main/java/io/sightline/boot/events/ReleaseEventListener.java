package io.sightline.boot.events;

import io.sightline.identity.SightlineIdentity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Publishes a {@code release} event (field {@code title} "release started" / "release stopped", tags
 * {@code version} and {@code phase}) when the application is ready and when its context closes.
 */
public class ReleaseEventListener implements ApplicationListener<ApplicationEvent> {

	private final SightlineEventPublisher publisher;

	private final SightlineIdentity identity;

	public ReleaseEventListener(SightlineEventPublisher publisher, SightlineIdentity identity) {
		this.publisher = publisher;
		this.identity = identity;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent) {
			this.publisher.publish(release("started"));
		}
		else if (event instanceof ContextClosedEvent) {
			this.publisher.publish(release("stopped"));
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

	SightlineEvent release(String phase) {
		String title = "release " + phase;
		String text = this.identity.serviceName() + " " + this.identity.version() + " (release "
				+ this.identity.releaseId() + ", instance " + this.identity.instanceId() + ") " + phase;
		return SightlineEvent.of(SightlineEvent.RELEASE, title, text)
			.withTag("phase", phase)
			.withTag("version", this.identity.version());
	}

}
