package io.sightline.demo.faults;

import java.util.Set;

/**
 * A change request: fields left out keep their current value. Unknown fields are refused when the
 * JSON is read, so a typo fails instead of silently injecting nothing.
 *
 * @param errorRatePercent see {@link FaultSettings}
 * @param latencyMillis see {@link FaultSettings}
 * @param jitterMillis see {@link FaultSettings}
 * @param downDependencies see {@link FaultSettings}
 * @param kafkaConsumersPaused see {@link FaultSettings}
 */
public record FaultChange(Integer errorRatePercent, Long latencyMillis, Long jitterMillis,
		Set<String> downDependencies, Boolean kafkaConsumersPaused) {

	FaultSettings applyTo(FaultSettings current) {
		return new FaultSettings((this.errorRatePercent != null) ? this.errorRatePercent : current.errorRatePercent(),
				(this.latencyMillis != null) ? this.latencyMillis : current.latencyMillis(),
				(this.jitterMillis != null) ? this.jitterMillis : current.jitterMillis(),
				(this.downDependencies != null) ? this.downDependencies : current.downDependencies(),
				(this.kafkaConsumersPaused != null) ? this.kafkaConsumersPaused : current.kafkaConsumersPaused());
	}

}
