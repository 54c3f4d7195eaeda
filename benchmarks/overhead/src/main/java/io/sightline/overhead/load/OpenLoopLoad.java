package io.sightline.overhead.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * A fixed arrival rate, whatever the service does (open loop). Request {@code i} is due at {@code start +
 * i / rate}; its latency is measured from that intended time, not from when a connection got free to send
 * it. A stalled service therefore shows up in the latency of every request that should have been sent
 * meanwhile, instead of being hidden by a generator that waits (coordinated omission).
 */
public final class OpenLoopLoad {

	private OpenLoopLoad() {
	}

	/**
	 * @param ratePerSecond arrival rate
	 * @param connections upper bound of requests in flight; more requests than this wait, and their
	 * waiting counts as latency
	 */
	public static LoadResult run(InetSocketAddress target, RequestMix mix, double ratePerSecond, Duration duration,
			int connections) throws InterruptedException {
		long total = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
		double intervalNanos = 1e9 / ratePerSecond;
		AtomicLong next = new AtomicLong();
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<Histogram> histograms = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		long start = System.nanoTime() + 20_000_000;
		for (int i = 0; i < connections; i++) {
			Histogram histogram = new Histogram(3);
			histograms.add(histogram);
			Thread worker = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(target)) {
					for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
						long intended = start + (long) (n * intervalNanos);
						for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
						try {
							int status = connection.exchange(mix.get(n));
							((status >= 200 && status < 300) ? succeeded : failed).incrementAndGet();
						}
						catch (IOException ex) {
							failed.incrementAndGet();
						}
						histogram.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
					}
				}
			}, "open-loop-" + i);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join(duration.toMillis() + 120_000);
		}
		long elapsed = System.nanoTime() - start;
		Histogram merged = new Histogram(3);
		histograms.forEach(merged::add);
		return new LoadResult(succeeded.get(), failed.get(), elapsed, merged);
	}

}
