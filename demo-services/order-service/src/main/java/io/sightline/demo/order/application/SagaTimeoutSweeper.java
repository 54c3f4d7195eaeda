package io.sightline.demo.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.sightline.demo.order.application.OrderStore.PendingOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the wait of the saga: every {@code demo.saga.sweep-interval} it cancels the orders that have
 * been PENDING for longer than {@code demo.saga.timeout}.
 *
 * <p>The deadline lives in the database rather than in a timer per order, so it survives a restart.
 * Each timeout runs in a span that continues the trace of the request that placed the order, so the
 * cancellation and its compensation stay in the saga's trace. A plain executor rather than
 * {@code @Scheduled}: an observed scheduled task would start a new trace on every empty sweep.
 */
@Component
public class SagaTimeoutSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SagaTimeoutSweeper.class);

	private final OrderStore store;

	private final OrderService orders;

	private final SagaTracing tracing;

	private final SagaProperties properties;

	private final Clock clock;

	private ScheduledExecutorService executor;

	/**
	 * @param store finds the orders due
	 * @param orders cancels them
	 * @param tracing continues each order's trace
	 * @param properties timeout and sweep interval
	 * @param clock the time source
	 */
	public SagaTimeoutSweeper(OrderStore store, OrderService orders, SagaTracing tracing, SagaProperties properties,
			Clock clock) {
		this.store = store;
		this.orders = orders;
		this.tracing = tracing;
		this.properties = properties;
		this.clock = clock;
	}

	/** Cancels the orders whose timeout has passed, at most {@code demo.saga.sweep-batch} of them. */
	public void sweep() {
		Instant cutoff = this.clock.instant().minus(this.properties.timeout());
		List<PendingOrder> due = this.store.findPendingPlacedBefore(cutoff, this.properties.sweepBatch());
		for (PendingOrder order : due) {
			try {
				this.tracing.continueTrace(order.traceParent(), "order saga timeout",
						() -> this.orders.timeOut(order.id()));
			}
			catch (RuntimeException ex) {
				// the order stays PENDING and is tried again on the next sweep
				log.atWarn().addKeyValue("order_id", order.id()).setCause(ex).log("timeout of order {} failed", order.id());
			}
		}
	}

	/** Starts last and so stops first (the default phase), while the database and Kafka are still up. */
	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "saga-timeout");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.sweepInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::safeSweep, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void safeSweep() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// an exception would cancel the schedule for good; the next sweep may well succeed
			log.warn("saga timeout sweep failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
