package io.sightline.boot.slo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sightline.slo.Sli;
import io.sightline.slo.spec.SloSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Samples the service's own meters on one daemon thread and keeps each SLO's error ratios and burn
 * rates over the page windows up to date; the {@code sightline.slo.*} gauges and the health indicator
 * only read the last result. Nothing runs on a request thread or on a scrape.
 */
public class SloMonitor implements SmartLifecycle {

	/** Burn rate per SLO and window: 1 spends the error budget exactly over the SLO period. */
	public static final String BURN_RATE = "sightline.slo.burn.rate";

	/** Error ratio per SLO and window: bad events over all events. */
	public static final String ERROR_RATIO = "sightline.slo.error.ratio";

	private static final Logger logger = LoggerFactory.getLogger(SloMonitor.class);

	private final MeterRegistry source;

	private final Duration interval;

	private final Duration period;

	private final Clock clock;

	private final List<SloTracker> trackers = new ArrayList<>();

	private volatile ScheduledExecutorService executor;

	private volatile boolean failing;

	/**
	 * @param registry where the gauges are registered
	 * @param spec the service's SLOs; events and raw SLIs are skipped (Prometheus evaluates them)
	 * @param period the SLO period, for the page thresholds
	 * @param interval time between samples
	 * @param clock time of the samples
	 */
	SloMonitor(MeterRegistry registry, SloSpec spec, Duration period, Duration interval, Clock clock) {
		this.source = cumulativeSource(registry);
		this.interval = interval;
		this.period = period;
		this.clock = clock;
		List<String> promQlOnly = new ArrayList<>();
		for (SloSpec.Slo slo : spec.slos()) {
			SliCounter counter = SliCounter.of(slo.sli());
			if (counter == null) {
				promQlOnly.add(slo.name());
			}
			else {
				this.trackers.add(new SloTracker(slo, counter, period, interval));
			}
		}
		if (!(this.source instanceof PrometheusMeterRegistry)
				&& spec.slos().stream().anyMatch((slo) -> slo.sli() instanceof Sli.HttpLatency)) {
			logger.warn("Latency SLOs read histogram buckets, which {} may not keep cumulative (the simple registry "
					+ "rotates them); their in-process burn rates are reliable with the Prometheus registry",
					this.source.getClass().getSimpleName());
		}
		if (!promQlOnly.isEmpty()) {
			logger.info("SLOs {} of service {} use PromQL SLIs (events or raw); Prometheus evaluates them, "
					+ "the in-process burn rates leave them out", promQlOnly, spec.service());
		}
		for (SloTracker tracker : this.trackers) {
			for (Duration window : SloWindows.MEASURED) {
				String label = SloWindows.label(window);
				Gauge.builder(BURN_RATE, tracker, (t) -> t.state().burnRate(window))
					.description("How fast the SLO's error budget burns over the window (1 = exactly over the SLO "
							+ "period), computed in-process from the service's meters")
					.tags("slo", tracker.name(), "window", label)
					.strongReference(true)
					.register(registry);
				Gauge.builder(ERROR_RATIO, tracker, (t) -> t.state().errorRatio(window))
					.description("The SLO's share of bad events over the window, computed in-process")
					.tags("slo", tracker.name(), "window", label)
					.strongReference(true)
					.register(registry);
			}
		}
	}

	/** The SLO period the page thresholds derive from. */
	public Duration period() {
		return this.period;
	}

	/** The last computed state of every in-process SLO, in spec order. */
	public List<SloState> states() {
		return this.trackers.stream().map(SloTracker::state).toList();
	}

	/** Takes one sample of every SLO now; the scheduler calls it every sample interval. */
	public synchronized void sample() {
		long now = this.clock.millis();
		for (SloTracker tracker : this.trackers) {
			tracker.sample(this.source, now);
		}
	}

	private void sampleSafely() {
		try {
			sample();
			this.failing = false;
		}
		catch (RuntimeException ex) {
			// never let an exception cancel the schedule; say it once per failure streak
			if (!this.failing) {
				logger.warn("SLO sampling failed; burn rates are stale until it succeeds", ex);
			}
			this.failing = true;
		}
	}

	@Override
	public void start() {
		if (this.trackers.isEmpty() || this.executor != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sightline-slo-sampler");
			thread.setDaemon(true);
			return thread;
		});
		// fixed delay: a late sample never causes a burst of catch-up samples
		executor.scheduleWithFixedDelay(this::sampleSafely, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * The registry to read counts from. Differences of cumulative counts need cumulative meters: the
	 * Prometheus registry keeps counts and histogram buckets cumulative, so it is preferred; step (push)
	 * registries are passed over. The simple registry's histograms rotate (distribution expiry), which
	 * breaks latency SLIs.
	 */
	static MeterRegistry cumulativeSource(MeterRegistry registry) {
		MeterRegistry prometheus = find(registry, PrometheusMeterRegistry.class::isInstance);
		if (prometheus != null) {
			return prometheus;
		}
		MeterRegistry cumulative = find(registry, (candidate) -> !(candidate instanceof StepMeterRegistry));
		if (cumulative != null) {
			return cumulative;
		}
		if (!(registry instanceof CompositeMeterRegistry composite && composite.getRegistries().isEmpty())) {
			logger.warn("No cumulative meter registry (such as Prometheus) found in {}; in-process SLO burn rates "
					+ "read step counts and are unreliable", registry.getClass().getSimpleName());
		}
		return registry;
	}

	private static MeterRegistry find(MeterRegistry registry, Predicate<MeterRegistry> predicate) {
		if (registry instanceof CompositeMeterRegistry composite) {
			for (MeterRegistry child : composite.getRegistries()) {
				MeterRegistry found = find(child, predicate);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return predicate.test(registry) ? registry : null;
	}

}
