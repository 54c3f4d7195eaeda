package io.sightline.slo;

import java.time.Duration;
import java.util.List;

/** The latency buckets the starter publishes for HTTP timers; a latency SLO threshold must be one. */
public final class SloBuckets {

	public static final List<Duration> HTTP_DEFAULT = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10));

	private SloBuckets() {
	}

}
