package io.sightline.benchmarks;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the benchmarks run (in-process, a fraction of a second each). It measures nothing worth
 * quoting: real figures come from the documented command in docs/benchmarks.md.
 */
class BenchmarkSmokeTests {

	@Test
	void everyBenchmarkRunsAndReportsAScore() throws Exception {
		Options options = new OptionsBuilder().include("io\\.sightline\\.benchmarks\\..*")
			.forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(200))
			.shouldFailOnError(true)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		// RedactionBenchmark has three
		assertThat(results).hasSize(EcsEncodingBenchmark.benchmarkNames().size() + 3
				+ CardinalityGuardBenchmark.benchmarkNames().size() + ExemplarSamplingBenchmark.benchmarkNames().size());
		for (RunResult result : results) {
			assertThat(result.getPrimaryResult().getScore()).as(result.getParams().getBenchmark()).isPositive();
		}
	}

}
