package io.sightline.overhead.profile;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.sightline.overhead.profile.ThreadCpu.ThreadGroup;

/**
 * Where one variant's CPU and allocation per request go, from one profiled closed-loop phase: CPU per
 * thread group (measured), split further over methods and components by the share of JFR samples, and
 * allocation (measured) split by the share of sampled bytes.
 *
 * @param requests requests answered during the profiled phase
 * @param cpuMillisByGroup CPU milliseconds per thread group over the phase
 * @param allocatedBytes heap bytes allocated by all threads over the phase
 * @param samples the JFR samples of the phase
 */
public record VariantProfile(long requests, Map<ThreadGroup, Double> cpuMillisByGroup, long allocatedBytes,
		JfrProfile.Samples samples) {

	/** One row of a top list. */
	public record Entry(String name, double perRequest) {
	}

	public double cpuMicrosPerRequest(ThreadGroup group) {
		return this.cpuMillisByGroup.getOrDefault(group, 0.0) * 1000 / this.requests;
	}

	/** The app's CPU per request over all threads, without the profiler's own. */
	public double appCpuMicrosPerRequest() {
		double total = 0;
		for (ThreadGroup group : ThreadGroup.values()) {
			if (group != ThreadGroup.PROFILER) {
				total += cpuMicrosPerRequest(group);
			}
		}
		return total;
	}

	/**
	 * CPU per request of the threads JFR samples (running Java code): every thread but the JIT compilers,
	 * GC/VM threads and the profiler.
	 */
	public double javaCpuMicrosPerRequest() {
		return appCpuMicrosPerRequest() - cpuMicrosPerRequest(ThreadGroup.JIT) - cpuMicrosPerRequest(ThreadGroup.GC_VM);
	}

	/** The CPU per request that the samples split: all of it, or the Java threads' (see {@link JfrProfile}). */
	public double sampledCpuMicrosPerRequest() {
		return this.samples.allThreads() ? appCpuMicrosPerRequest() : javaCpuMicrosPerRequest();
	}

	public double allocatedKibPerRequest() {
		return this.allocatedBytes / 1024.0 / this.requests;
	}

	/** µs per request spent in code charged to a component. */
	public double cpuMicrosPerRequest(Component component) {
		return share(this.samples.cpuByComponent().getOrDefault(component, 0L), this.samples.cpuSamples())
				* sampledCpuMicrosPerRequest();
	}

	/** KiB per request allocated by code charged to a component. */
	public double allocatedKibPerRequest(Component component) {
		return share(this.samples.allocationByComponent().getOrDefault(component, 0L), this.samples.allocatedBytes())
				* allocatedKibPerRequest();
	}

	/** The hottest methods by their own (self) time, in µs per request. */
	public List<Entry> topCpuMethods(int limit) {
		return top(this.samples.cpuBySelfMethod(), this.samples.cpuSamples(), sampledCpuMicrosPerRequest(), limit);
	}

	/** The sites that allocate most, in KiB per request. */
	public List<Entry> topAllocationSites(int limit) {
		return top(this.samples.allocationBySite(), this.samples.allocatedBytes(), allocatedKibPerRequest(), limit);
	}

	/** µs per request of one method's own time (0 if never sampled). */
	public double cpuMicrosPerRequest(String method) {
		return share(this.samples.cpuBySelfMethod().getOrDefault(method, 0L), this.samples.cpuSamples())
				* sampledCpuMicrosPerRequest();
	}

	/** KiB per request allocated at one site (0 if never sampled). */
	public double allocatedKibPerRequest(String site) {
		return share(this.samples.allocationBySite().getOrDefault(site, 0L), this.samples.allocatedBytes())
				* allocatedKibPerRequest();
	}

	public Map<Component, Double> cpuMicrosByComponent() {
		Map<Component, Double> byComponent = new EnumMap<>(Component.class);
		for (Component component : Component.values()) {
			byComponent.put(component, cpuMicrosPerRequest(component));
		}
		return byComponent;
	}

	private static List<Entry> top(Map<String, Long> counts, long total, double perRequestTotal, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.map((entry) -> new Entry(entry.getKey(), share(entry.getValue(), total) * perRequestTotal))
			.toList();
	}

	private static double share(long part, long total) {
		return (total > 0) ? (double) part / total : 0;
	}

}
