package io.sightline.overhead;

import io.sightline.overhead.profile.ThreadCpu;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness in smoke mode (a few seconds per variant, one round): proves it measures every variant,
 * and that each variant really is what it claims. The figures mean nothing; the full run is documented
 * in docs/benchmarks.md.
 */
class OverheadSmokeIT {

	@Test
	void everyVariantIsMeasuredAndIsWhatItClaimsToBe() throws Exception {
		HarnessSettings settings = HarnessSettings.fromSystemProperties();
		assertThat(settings.full()).as("the test suite runs the smoke mode only").isFalse();
		OverheadHarness harness = new OverheadHarness(settings);
		OverheadResults results = harness.run();
		System.out.println(harness.report());

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(results.arrivalRate()).as("open-loop arrival rate").isPositive();
		for (Variant variant : settings.variants()) {
			softly.assertThat(results.runs(variant)).as("runs of %s", variant).hasSize(1);
			for (VariantRun run : results.runs(variant)) {
				String name = variant.label();
				softly.assertThat(run.failedRequests()).as("%s failed requests", name).isZero();
				softly.assertThat(run.throughputPerSecond()).as("%s throughput", name).isPositive();
				softly.assertThat(run.startupMillis()).as("%s startup", name).isBetween(100.0, 180_000.0);
				softly.assertThat(run.p50Millis()).as("%s p50", name).isPositive();
				softly.assertThat(run.p99Millis()).as("%s p99 ≥ p50", name).isGreaterThanOrEqualTo(run.p50Millis());
				softly.assertThat(run.p999Millis()).as("%s p99.9 ≥ p99", name).isGreaterThanOrEqualTo(run.p99Millis());
				softly.assertThat(run.p999Millis()).as("%s p99.9 below a minute", name).isLessThan(60_000.0);
				softly.assertThat(run.cpuMicrosPerRequest()).as("%s CPU per request", name).isPositive();
				softly.assertThat(run.allocatedBytesPerRequest()).as("%s allocation per request", name)
					.isGreaterThan(1024.0);
				softly.assertThat(run.rssBytes()).as("%s RSS", name).isGreaterThan(50_000_000L);
				// one downstream call per order: the endpoint did its work in every variant
				softly.assertThat(run.downstreamCallsPerRequest()).as("%s downstream calls per request", name)
					.isBetween(0.99, 1.01);
				softly.assertThat(run.scrapes()).as("%s scrapes", name).isPositive();
				// the smoke run has a fixed rate, so its one round measures the open loop and profiles too
				softly.assertThat(run.measuredOpenLoop()).as("%s measured the open loop", name).isTrue();
				softly.assertThat(run.closedLoopCpuMicrosPerRequest()).as("%s closed-loop CPU per request", name)
					.isPositive();
				softly.assertThat(run.profile()).as("%s profile", name).isNotNull();
				if (run.profile() != null) {
					softly.assertThat(run.profile().requests()).as("%s profiled requests", name).isPositive();
					softly.assertThat(run.profile().samples().cpuSamples()).as("%s CPU samples", name).isPositive();
					softly.assertThat(run.profile().cpuMicrosPerRequest(ThreadCpu.ThreadGroup.REQUESTS))
						.as("%s request threads' CPU", name)
						.isPositive();
					softly.assertThat(run.profile().allocatedKibPerRequest()).as("%s profiled allocation", name)
						.isPositive();
					softly.assertThat(run.profile().topCpuMethods(10)).as("%s hottest methods", name).isNotEmpty();
				}
				if (variant == Variant.BARE) {
					softly.assertThat(run.prometheusStatus()).as("bare has no /actuator/prometheus").isEqualTo(404);
					softly.assertThat(run.sightlineSeries()).as("bare has no sightline_ meters").isZero();
					softly.assertThat(run.spansPerRequest()).as("bare exports no spans").isZero();
					softly.assertThat(run.inZipkin()).as("bare is unknown to Zipkin").isFalse();
				}
				else {
					softly.assertThat(run.spansPerRequest()).as("%s spans per request in Zipkin", name)
						.isGreaterThanOrEqualTo(1.0);
					softly.assertThat(run.inZipkin()).as("%s known to Zipkin", name).isTrue();
				}
				if (variant.hasStarter()) {
					softly.assertThat(run.prometheusStatus()).as("%s /actuator/prometheus", name).isEqualTo(200);
					softly.assertThat(run.sightlineSeries()).as("%s sightline_ meters", name).isPositive();
				}
				if (variant == Variant.STOCK_AGENT) {
					softly.assertThat(run.prometheusStatus()).as("the stock agent adds no /actuator/prometheus")
						.isEqualTo(404);
				}
			}
		}
		softly.assertThat(harness.report()).contains("| Figure | bare | starter | stock agent | Sightline |")
			.contains("full Sightline throughput vs bare")
			.contains("CPU per request, closed loop")
			.contains("### Profile: where the CPU and the bytes of a request go")
			.contains("Sightline − stock agent")
			.doesNotContain("NaN");
		softly.assertAll();
	}

}
