package io.sightline.boot.events;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls the aggregate health status (the actuator's {@code HealthEndpoint}) on a daemon thread and
 * publishes a {@code health} event (tags {@code from}, {@code to}) each time it changes. Polling, rather
 * than availability events, also catches a failing dependency check (a database, an SLO burn rate). The
 * first status seen is the baseline and is not an event.
 */
public class HealthStatusEventPoller implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(HealthStatusEventPoller.class);

	private final SightlineEventPublisher publisher;

	private final Supplier<String> status;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	private volatile String last;

	public HealthStatusEventPoller(SightlineEventPublisher publisher, Supplier<String> status, Duration interval) {
		this.publisher = publisher;
		this.status = status;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "sightline-events-health");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, this.interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** One poll: publishes an event if the status differs from the last one seen. */
	void poll() {
		String current;
		try {
			current = this.status.get();
		}
		catch (RuntimeException ex) {
			logger.debug("Health poll failed", ex);
			return;
		}
		if (current == null) {
			return;
		}
		String previous = this.last;
		this.last = current;
		if (previous != null && !Objects.equals(previous, current)) {
			this.publisher.publish(new SightlineEvent(SightlineEvent.HEALTH, "health " + current,
					"health changed from " + previous + " to " + current, "UP".equals(current) ? 1 : 0,
					Map.of("from", previous, "to", current)));
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
