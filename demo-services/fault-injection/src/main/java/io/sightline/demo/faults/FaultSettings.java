package io.sightline.demo.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The faults in force. Immutable; {@link #NONE} is the healthy state.
 *
 * @param errorRatePercent share of application requests answered with 503, 0 to 100
 * @param latencyMillis delay added to each application request
 * @param jitterMillis up to this much extra delay, uniformly random
 * @param downDependencies downstream names (e.g. {@code order-service}) treated as unreachable
 * @param kafkaConsumersPaused whether the service's Kafka listeners are paused
 */
public record FaultSettings(int errorRatePercent, long latencyMillis, long jitterMillis, Set<String> downDependencies,
		boolean kafkaConsumersPaused) {

	public static final FaultSettings NONE = new FaultSettings(0, 0, 0, Set.of(), false);

	/** Upper bound of added latency: a fault that outlives every client timeout tests nothing. */
	static final long MAX_LATENCY_MILLIS = 60_000;

	public FaultSettings {
		downDependencies = Set.copyOf(new TreeSet<>(downDependencies));
	}

	/** What is wrong with these settings, as messages naming the field; empty when valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.errorRatePercent < 0 || this.errorRatePercent > 100) {
			problems.add("errorRatePercent must be between 0 and 100, was " + this.errorRatePercent);
		}
		if (this.latencyMillis < 0 || this.latencyMillis > MAX_LATENCY_MILLIS) {
			problems.add("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS + ", was " + this.latencyMillis);
		}
		if (this.jitterMillis < 0 || this.jitterMillis > MAX_LATENCY_MILLIS) {
			problems.add("jitterMillis must be between 0 and " + MAX_LATENCY_MILLIS + ", was " + this.jitterMillis);
		}
		for (String dependency : this.downDependencies) {
			if (dependency == null || !dependency.matches("[A-Za-z0-9._-]{1,64}")) {
				problems.add("downDependencies entries must be service names, was '" + dependency + "'");
			}
		}
		return problems;
	}

}
