package io.sightline.demo.launcher;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends many requests as fast as the server takes them, with a bounded number in flight, over
 * HTTP/1.1 keep-alive connections. Records each request's status (or -1 when it failed without one).
 */
final class Blaster {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int concurrency;

	Blaster(int concurrency) {
		this.concurrency = concurrency;
	}

	/** Outcome of a batch: per-request statuses and the first failures' causes. */
	record Result(int[] statuses, Map<String, Integer> failures, Duration took) {

		Map<Integer, Integer> byStatus() {
			Map<Integer, Integer> counts = new TreeMap<>();
			for (int status : this.statuses) {
				counts.merge(status, 1, Integer::sum);
			}
			return counts;
		}

		long count(java.util.function.IntPredicate status) {
			return java.util.Arrays.stream(this.statuses).filter(status).count();
		}

		double perSecond() {
			return this.statuses.length / Math.max(0.001, this.took.toMillis() / 1000.0);
		}

	}

	Result send(int count, IntFunction<HttpRequest> request) throws InterruptedException {
		int[] statuses = new int[count];
		Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
		Semaphore permits = new Semaphore(this.concurrency);
		CountDownLatch done = new CountDownLatch(count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			int index = i;
			permits.acquire();
			HttpRequest next;
			try {
				next = request.apply(index);
			}
			catch (RuntimeException ex) {
				permits.release();
				throw ex;
			}
			this.http.sendAsync(next, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				if (failure != null) {
					statuses[index] = -1;
					Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
					failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
				}
				else {
					statuses[index] = response.statusCode();
				}
				permits.release();
				done.countDown();
			});
		}
		if (!done.await(15, TimeUnit.MINUTES)) {
			throw new IllegalStateException("requests still in flight after 15 minutes");
		}
		return new Result(statuses, new TreeMap<>(failures), Duration.ofNanos(System.nanoTime() - start));
	}

}
