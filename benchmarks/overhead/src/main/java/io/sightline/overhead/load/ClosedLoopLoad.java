package io.sightline.overhead.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Maximum throughput: a fixed number of connections, each sending its next request as soon as the
 * previous answer is in, for a fixed time.
 */
public final class ClosedLoopLoad {

	private ClosedLoopLoad() {
	}

	public static LoadResult run(InetSocketAddress target, RequestMix mix, int connections, Duration duration)
			throws InterruptedException {
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong sequence = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Thread worker = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(target)) {
					while (System.nanoTime() < deadline) {
						try {
							int status = connection.exchange(mix.get(sequence.getAndIncrement()));
							((status >= 200 && status < 300) ? succeeded : failed).incrementAndGet();
						}
						catch (IOException ex) {
							failed.incrementAndGet();
							// a dead app must not turn this into a busy loop
							LockSupport.parkNanos(10_000_000);
						}
					}
				}
			}, "closed-loop-" + i);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join(duration.toMillis() + 70_000);
		}
		return new LoadResult(succeeded.get(), failed.get(), System.nanoTime() - start, null);
	}

}
