package io.sightline.otel.export;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.ObjectName;

/**
 * Counts of every wrapped span exporter, summed. Registered as an MXBean on the first export (on the
 * batch processor's thread, never in premain: an early platform MBean server can upset applications
 * that install their own JMX or logging managers), under {@link #OBJECT_NAME}, which is also announced
 * in the system property {@link #OBJECT_NAME_PROPERTY} as soon as exporting is wrapped.
 */
public final class SpanExportStats implements SpanExportStatsMXBean {

	/** Where the MXBean is registered. */
	public static final String OBJECT_NAME = "io.sightline:type=SpanExport";

	/** Set to {@link #OBJECT_NAME} when Sightline counts exports: the starter binds its meters then. */
	public static final String OBJECT_NAME_PROPERTY = "io.sightline.otel.span-export-mbean";

	static final SpanExportStats INSTANCE = new SpanExportStats();

	private static final Logger logger = Logger.getLogger(SpanExportStats.class.getName());

	private final LongAdder exported = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final AtomicBoolean registered = new AtomicBoolean();

	SpanExportStats() {
	}

	void recordExported(int spans) {
		this.exported.add(spans);
	}

	void recordFailed(int spans) {
		this.failed.add(spans);
	}

	@Override
	public long getExportedSpans() {
		return this.exported.sum();
	}

	@Override
	public long getFailedSpans() {
		return this.failed.sum();
	}

	/** Registers the MXBean once; a failure only costs the meters, never the export. */
	void registerOnce() {
		if (!this.registered.compareAndSet(false, true)) {
			return;
		}
		try {
			ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(OBJECT_NAME));
		}
		catch (Exception | LinkageError ex) {
			logger.log(Level.FINE, "Span export counts not registered over JMX", ex);
		}
	}

}
