package io.sightline.demo.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the faults in force (in memory) and tells the places that inject them what to do. Every change
 * is logged, with the state before and after.
 */
public class FaultInjector {

	private static final Logger logger = LoggerFactory.getLogger(FaultInjector.class);

	private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);

	private final List<Consumer<FaultSettings>> listeners = new ArrayList<>();

	public FaultSettings current() {
		return this.settings.get();
	}

	/**
	 * @throws InvalidFaultException when the result would be invalid; nothing changes then
	 */
	public synchronized FaultSettings change(FaultChange change) {
		FaultSettings before = this.settings.get();
		FaultSettings after = change.applyTo(before);
		List<String> problems = after.problems();
		if (!problems.isEmpty()) {
			throw new InvalidFaultException(problems);
		}
		this.settings.set(after);
		logger.warn("Fault injection changed from {} to {}", before, after);
		this.listeners.forEach((listener) -> listener.accept(after));
		return after;
	}

	public synchronized FaultSettings reset() {
		FaultSettings before = this.settings.getAndSet(FaultSettings.NONE);
		logger.warn("Fault injection reset (was {})", before);
		this.listeners.forEach((listener) -> listener.accept(FaultSettings.NONE));
		return FaultSettings.NONE;
	}

	/** Called with the new settings after each change, e.g. to pause Kafka listeners. */
	public synchronized void onChange(Consumer<FaultSettings> listener) {
		this.listeners.add(listener);
	}

	/** Whether this request should fail, by the configured error rate. */
	public boolean shouldFail() {
		int rate = this.settings.get().errorRatePercent();
		return rate > 0 && (rate >= 100 || ThreadLocalRandom.current().nextInt(100) < rate);
	}

	/** The delay to add to this request, latency plus random jitter. */
	public long delayMillis() {
		FaultSettings current = this.settings.get();
		long jitter = (current.jitterMillis() > 0) ? ThreadLocalRandom.current().nextLong(current.jitterMillis() + 1) : 0;
		return current.latencyMillis() + jitter;
	}

	public boolean isDown(String dependency) {
		return this.settings.get().downDependencies().contains(dependency);
	}

}
