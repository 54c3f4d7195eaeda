package io.sightline.boot.events;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApi;
import com.influxdb.client.WriteOptions;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import com.influxdb.client.write.events.BackpressureEvent;
import com.influxdb.client.write.events.WriteErrorEvent;
import com.influxdb.client.write.events.WriteRetriableErrorEvent;
import com.influxdb.client.write.events.WriteSuccessEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reactivex.rxjava3.core.BackpressureOverflowStrategy;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.sightline.identity.SightlineIdentity;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Writes {@link SightlineEvent}s as points of {@code sightline_events} with influxdb-client-java's
 * batching write API, bounded by {@code buffer-limit} with {@code DROP_OLDEST} backpressure.
 * <p>
 * {@link #publish} never blocks: it only hands the point to the client's in-memory pipeline. Every HTTP
 * request (and every retry) runs on one daemon thread of our own ({@code sightline-events-influx}): a
 * jitter of 1 ms makes the client schedule each request instead of sending it on the thread that
 * completed a batch, which would otherwise be a request thread.
 * <p>
 * Points that are dropped (buffer full) or whose write finally failed are counted in
 * {@code sightline.events.dropped} (tag {@code reason}: {@code backpressure}, {@code write_error},
 * {@code rejected}); retried writes in {@code sightline.events.retried}. An outage is logged once at WARN,
 * then nothing until a write succeeds again (logged at INFO). The client's own java.util.logging output
 * (a line per failed attempt) is switched off.
 */
public class InfluxEventWriter implements SightlineEventPublisher, DisposableBean {

	/** The measurement every event is written to. */
	public static final String MEASUREMENT = "sightline_events";

	/** Counter of events dropped or failed, tagged {@code reason}. */
	public static final String DROPPED_METER = "sightline.events.dropped";

	/** Counter of write attempts that failed and were retried. */
	public static final String RETRIED_METER = "sightline.events.retried";

	private static final Logger logger = LoggerFactory.getLogger(InfluxEventWriter.class);

	/** Strong references: java.util.logging keeps loggers weakly, which would forget the level. */
	private static final java.util.logging.Logger[] CLIENT_LOGGERS = {
			java.util.logging.Logger.getLogger("com.influxdb.client.write.events"),
			java.util.logging.Logger.getLogger("com.influxdb.client.internal.AbstractWriteClient") };

	private final String url;

	private final String org;

	private final String bucket;

	private final int bufferLimit;

	private final Map<String, String> identityTags;

	private final ScheduledExecutorService executor;

	private final InfluxDBClient client;

	private final WriteApi writeApi;

	private final Counter droppedBackpressure;

	private final Counter droppedWriteError;

	private final Counter droppedRejected;

	private final Counter retried;

	private final AtomicBoolean outage = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	public InfluxEventWriter(EventsProperties.Influx properties, SightlineIdentity identity,
			MeterRegistry registry) {
		this.url = properties.getUrl().trim();
		this.org = properties.getOrg();
		this.bucket = properties.getBucket();
		this.bufferLimit = properties.getBufferLimit();
		this.identityTags = identityTags(identity);
		this.droppedBackpressure = dropped(registry, "backpressure");
		this.droppedWriteError = dropped(registry, "write_error");
		this.droppedRejected = dropped(registry, "rejected");
		this.retried = Counter.builder(RETRIED_METER)
			.description("Writes of Sightline events that failed and were retried")
			.register(registry);
		for (java.util.logging.Logger clientLogger : CLIENT_LOGGERS) {
			clientLogger.setLevel(Level.OFF);
		}
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "sightline-events-influx-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		Scheduler scheduler = Schedulers.from(this.executor);
		InfluxDBClientOptions.Builder options = InfluxDBClientOptions.builder()
			.url(this.url)
			.org(this.org)
			.bucket(this.bucket)
			.okHttpClient(new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
				.readTimeout(10, TimeUnit.SECONDS)
				.writeTimeout(10, TimeUnit.SECONDS)
				.retryOnConnectionFailure(false));
		if (properties.getToken() != null && !properties.getToken().isBlank()) {
			options.authenticateToken(properties.getToken().toCharArray());
		}
		this.client = InfluxDBClientFactory.create(options.build());
		WriteOptions writeOptions = WriteOptions.builder()
			.batchSize(properties.getBatchSize())
			.flushInterval(millis(properties.getFlushInterval()))
			.bufferLimit(properties.getBufferLimit())
			.backpressureStrategy(BackpressureOverflowStrategy.DROP_OLDEST)
			.captureBackpressureData(true)
			.jitterInterval(1)
			.retryInterval(millis(properties.getRetryInterval()))
			.maxRetryDelay(millis(properties.getMaxRetryDelay()))
			.maxRetries(5)
			.maxRetryTime(Math.max(millis(properties.getMaxRetryDelay()) * 6, 60_000))
			.writeScheduler(scheduler)
			.build();
		this.writeApi = this.client.makeWriteApi(writeOptions);
		this.writeApi.listenEvents(WriteSuccessEvent.class, (event) -> onSuccess());
		this.writeApi.listenEvents(WriteRetriableErrorEvent.class, (event) -> {
			this.retried.increment();
			onFailure(event.getThrowable());
		});
		this.writeApi.listenEvents(WriteErrorEvent.class, (event) -> {
			this.droppedWriteError.increment();
			onFailure(event.getThrowable());
		});
		this.writeApi.listenEvents(BackpressureEvent.class, (event) -> {
			int dropped = event.getDroppedLineProtocol().size();
			this.droppedBackpressure.increment((dropped > 0) ? dropped : 1);
			onFailure(null);
		});
	}

	private static Counter dropped(MeterRegistry registry, String reason) {
		return Counter.builder(DROPPED_METER)
			.description("Sightline events dropped (buffer full), failed to write, or rejected")
			.tag("reason", reason)
			.register(registry);
	}

	private static int millis(java.time.Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
	}

	private static Map<String, String> identityTags(SightlineIdentity identity) {
		java.util.LinkedHashMap<String, String> tags = new java.util.LinkedHashMap<>();
		putIfPresent(tags, "service", identity.serviceName());
		putIfPresent(tags, "env", identity.environment());
		putIfPresent(tags, "release_id", identity.releaseId());
		return tags;
	}

	private static void putIfPresent(Map<String, String> tags, String key, String value) {
		if (value != null && !value.isBlank()) {
			tags.put(key, value);
		}
	}

	@Override
	public void publish(SightlineEvent event) {
		if (this.closed.get()) {
			this.droppedRejected.increment();
			return;
		}
		try {
			this.writeApi.writePoint(this.bucket, this.org, toPoint(event, Instant.now()));
		}
		catch (RuntimeException ex) {
			this.droppedRejected.increment();
			onFailure(ex);
		}
	}

	Point toPoint(SightlineEvent event, Instant time) {
		Point point = Point.measurement(MEASUREMENT).time(time, WritePrecision.MS);
		event.tags().forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				point.addTag(key, value);
			}
		});
		point.addTags(this.identityTags);
		point.addTag("kind", event.kind());
		point.addField("title", event.title());
		point.addField("text", event.text());
		point.addField("value", event.value());
		return point;
	}

	private void onFailure(Throwable cause) {
		if (this.outage.compareAndSet(false, true)) {
			logger.warn("Cannot write Sightline events to InfluxDB at {} (org {}, bucket {}): {}. Up to {} events "
					+ "are kept and retried; more are dropped and counted in sightline_events_dropped_total. "
					+ "Quiet until writes succeed again.", this.url, this.org, this.bucket,
					(cause != null) ? cause.getMessage() : "write buffer full", this.bufferLimit);
		}
	}

	private void onSuccess() {
		if (this.outage.compareAndSet(true, false)) {
			logger.info("Writing Sightline events to InfluxDB at {} again", this.url);
		}
	}

	/** Whether the last write failed (until a write succeeds). */
	public boolean isInOutage() {
		return this.outage.get();
	}

	/** Asks the client to write the points it holds now, asynchronously. */
	public void flush() {
		if (!this.closed.get()) {
			this.writeApi.flush();
		}
	}

	/**
	 * Flushes what is buffered and closes the client (the client itself
	 * would wait up to 30 s for pending retries when InfluxDB is down): at most 3 s.
	 */
	@Override
	public void destroy() throws InterruptedException {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		Thread closer = new Thread(() -> {
			try {
				this.writeApi.close();
				this.client.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the InfluxDB client failed", ex);
			}
		}, "sightline-events-influx-close");
		closer.setDaemon(true);
		closer.start();
		closer.join(3_000);
		this.executor.shutdownNow();
	}

}
