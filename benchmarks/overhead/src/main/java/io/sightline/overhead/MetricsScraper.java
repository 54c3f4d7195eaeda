package io.sightline.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes /actuator/prometheus at a fixed interval, as Prometheus would (OpenMetrics requested, so
 * exemplars are rendered). Bare and the stock agent have no such endpoint: they answer 404, which the
 * smoke test uses as proof that the starter is absent.
 */
final class MetricsScraper implements AutoCloseable {

	private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI uri;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "prometheus-scraper");
		thread.setDaemon(true);
		return thread;
	});

	private volatile int scrapes;

	private volatile int lastStatus;

	private volatile int sightlineSeries;

	private MetricsScraper(URI uri) {
		this.uri = uri;
	}

	static MetricsScraper start(String baseUrl, Duration interval) {
		MetricsScraper scraper = new MetricsScraper(URI.create(baseUrl + "/actuator/prometheus"));
		scraper.scheduler.scheduleAtFixedRate(scraper::scrape, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		return scraper;
	}

	/** One more scrape now, so that even a short run has a recent one. */
	void scrapeNow() throws InterruptedException {
		try {
			this.scheduler.submit(this::scrape).get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("scrape failed", ex);
		}
	}

	private void scrape() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.uri)
				.header("Accept", OPENMETRICS)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			this.lastStatus = response.statusCode();
			this.sightlineSeries = (response.statusCode() == 200)
					? (int) response.body().lines().filter((line) -> line.startsWith("sightline_")).count() : 0;
			this.scrapes++;
		}
		catch (IOException ex) {
			this.lastStatus = -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	int scrapes() {
		return this.scrapes;
	}

	int lastStatus() {
		return this.lastStatus;
	}

	int sightlineSeries() {
		return this.sightlineSeries;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
