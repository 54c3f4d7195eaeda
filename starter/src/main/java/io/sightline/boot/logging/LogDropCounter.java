package io.sightline.boot.logging;

import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import net.logstash.logback.appender.listener.TcpAppenderListener;

/**
 * Counts log events lost on the way to Logstash. Logging starts before any MeterRegistry, so counts
 * live here and the metrics auto-configuration exposes them as sightline_logging_dropped_total.
 */
public final class LogDropCounter implements TcpAppenderListener<ILoggingEvent> {

	private static final LongAdder BUFFER_FULL = new LongAdder();

	private static final LongAdder SEND_FAILED = new LongAdder();

	/** Events refused because the ring buffer was full (destination slow or down). */
	public static double bufferFull() {
		return BUFFER_FULL.sum();
	}

	/** Events that reached the sender but could not be written. */
	public static double sendFailed() {
		return SEND_FAILED.sum();
	}

	@Override
	public void eventAppendFailed(Appender<ILoggingEvent> appender, ILoggingEvent event, Throwable reason) {
		BUFFER_FULL.increment();
	}

	@Override
	public void eventSendFailure(Appender<ILoggingEvent> appender, ILoggingEvent event, Throwable reason) {
		SEND_FAILED.increment();
	}

}
