package io.sightline.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings of a benchmark: times in nanoseconds, 3 warm-up and 5 measured iterations of 2 s
 * each, in one fork. JMH reads these annotations from a benchmark's superclass; the benchmark itself
 * declares its {@code @BenchmarkMode} and {@code @State}.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class NanosecondBenchmark {

}
