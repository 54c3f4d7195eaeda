package io.sightline.boot.tracing;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The agent's span export outcome as meters: {@code sightline.tracing.spans.exported} and
 * {@code sightline.tracing.spans.dropped{reason="export_failed"}} (Prometheus:
 * {@code sightline_tracing_spans_dropped_total}), the agent-mode counterpart of the agentless
 * reporter's {@code zipkin_reporter_spans_dropped_total}. Sightline's agent extension counts them and
 * publishes them as an MXBean, announced in the system property {@link #OBJECT_NAME_PROPERTY}; the
 * agent's classes are invisible here, JMX is not. Zero until the agent's first export.
 */
final class AgentSpanExportMeters implements MeterBinder {

	/** Set by sightline-otel-extension to the MXBean's object name. */
	static final String OBJECT_NAME_PROPERTY = "io.sightline.otel.span-export-mbean";

	private final MBeanServer server;

	private final ObjectName name;

	AgentSpanExportMeters(MBeanServer server, String objectName) {
		this.server = server;
		try {
			this.name = new ObjectName(objectName);
		}
		catch (MalformedObjectNameException ex) {
			throw new IllegalArgumentException("Invalid " + OBJECT_NAME_PROPERTY + ": " + objectName, ex);
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("sightline.tracing.spans.exported", this, (meters) -> meters.read("ExportedSpans"))
			.description("Spans the OpenTelemetry agent exported")
			.register(registry);
		FunctionCounter.builder("sightline.tracing.spans.dropped", this, (meters) -> meters.read("FailedSpans"))
			.description("Spans the OpenTelemetry agent failed to export (trace backend down or refusing): lost")
			.tag("reason", "export_failed")
			.register(registry);
	}

	private double read(String attribute) {
		try {
			Object value = this.server.getAttribute(this.name, attribute);
			return (value instanceof Number number) ? number.doubleValue() : 0;
		}
		catch (InstanceNotFoundException ex) {
			// registered on the agent's first export
			return 0;
		}
		catch (Exception ex) {
			return Double.NaN;
		}
	}

}
