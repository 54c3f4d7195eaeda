package io.sightline.otel.export;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real SDK spans through the counting exporter, with a backend that is up, down, or throws. */
class CountingSpanExporterTests {

	private final SpanExportStats stats = new SpanExportStats();

	private final Backend backend = new Backend();

	private Tracer tracer() {
		return SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(new CountingSpanExporter(this.backend, this.stats)))
			.build()
			.get("test");
	}

	@Test
	void spansOfFailedExportsAreCountedAsDroppedAndSuccessfulOnesAsExported() {
		Tracer tracer = tracer();
		tracer.spanBuilder("up-1").startSpan().end();
		tracer.spanBuilder("up-2").startSpan().end();
		this.backend.down.set(true);
		tracer.spanBuilder("down-1").startSpan().end();
		tracer.spanBuilder("down-2").startSpan().end();
		tracer.spanBuilder("down-3").startSpan().end();
		this.backend.down.set(false);
		tracer.spanBuilder("up-3").startSpan().end();

		assertThat(this.stats.getExportedSpans()).isEqualTo(3);
		assertThat(this.stats.getFailedSpans()).isEqualTo(3);
	}

	@Test
	void anExporterThatThrowsCountsItsSpansAsDropped() {
		SpanExporter exporter = new CountingSpanExporter(new Backend() {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				throw new IllegalStateException("broken exporter");
			}
		}, this.stats);
		assertThatThrownBy(() -> exporter.export(java.util.List.of(span()))).isInstanceOf(IllegalStateException.class);
		assertThat(this.stats.getFailedSpans()).isEqualTo(1);
		assertThat(this.stats.getExportedSpans()).isZero();
	}

	@Test
	void anAsynchronousFailureIsCountedWhenTheResultCompletes() {
		CompletableResultCode pending = new CompletableResultCode();
		SpanExporter exporter = new CountingSpanExporter(new Backend() {
			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				return pending;
			}
		}, this.stats);
		exporter.export(java.util.List.of(span(), span()));
		assertThat(this.stats.getFailedSpans()).isZero();
		pending.fail();
		assertThat(this.stats.getFailedSpans()).isEqualTo(2);
	}

	@Test
	void theCountsAreReadableOverJmxUnderTheAnnouncedName() throws Exception {
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		ObjectName name = new ObjectName(SpanExportStats.OBJECT_NAME);
		// another test's exporter may have registered its own counts in this JVM
		if (server.isRegistered(name)) {
			server.unregisterMBean(name);
		}
		this.stats.recordExported(5);
		this.stats.recordFailed(2);
		this.stats.registerOnce();
		this.stats.registerOnce();
		try {
			assertThat(server.getAttribute(name, "ExportedSpans")).isEqualTo(5L);
			assertThat(server.getAttribute(name, "FailedSpans")).isEqualTo(2L);
		}
		finally {
			server.unregisterMBean(name);
		}
	}

	@Test
	void theCustomizerAnnouncesTheMBeanAndWrapsEveryExporter() {
		System.clearProperty(SpanExportStats.OBJECT_NAME_PROPERTY);
		java.util.List<java.util.function.BiFunction<? super SpanExporter, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends SpanExporter>> customizers = new java.util.ArrayList<>();
		new SpanExportCountingCustomizerProvider().customize(new RecordingCustomizer(customizers));
		assertThat(customizers).hasSize(1);
		SpanExporter wrapped = customizers.get(0).apply(this.backend, null);
		assertThat(wrapped).isInstanceOf(CountingSpanExporter.class);
		assertThat(System.getProperty(SpanExportStats.OBJECT_NAME_PROPERTY)).isEqualTo(SpanExportStats.OBJECT_NAME);
		System.clearProperty(SpanExportStats.OBJECT_NAME_PROPERTY);
	}

	/** Records the span exporter customizers a provider adds; the rest is not used by it. */
	record RecordingCustomizer(
			java.util.List<java.util.function.BiFunction<? super SpanExporter, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends SpanExporter>> exporters)
			implements io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer {

		@Override
		public RecordingCustomizer addSpanExporterCustomizer(
				java.util.function.BiFunction<? super SpanExporter, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends SpanExporter> customizer) {
			this.exporters.add(customizer);
			return this;
		}

		@Override
		public RecordingCustomizer addPropagatorCustomizer(
				java.util.function.BiFunction<? super io.opentelemetry.context.propagation.TextMapPropagator, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends io.opentelemetry.context.propagation.TextMapPropagator> customizer) {
			throw new AssertionError("unexpected");
		}

		@Override
		public RecordingCustomizer addResourceCustomizer(
				java.util.function.BiFunction<? super io.opentelemetry.sdk.resources.Resource, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends io.opentelemetry.sdk.resources.Resource> customizer) {
			throw new AssertionError("unexpected");
		}

		@Override
		public RecordingCustomizer addSamplerCustomizer(
				java.util.function.BiFunction<? super io.opentelemetry.sdk.trace.samplers.Sampler, io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties, ? extends io.opentelemetry.sdk.trace.samplers.Sampler> customizer) {
			throw new AssertionError("unexpected");
		}

		@Override
		public RecordingCustomizer addPropertiesSupplier(java.util.function.Supplier<java.util.Map<String, String>> supplier) {
			throw new AssertionError("unexpected");
		}

	}

	private SpanData span() {
		Backend capture = new Backend();
		SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(capture)).build().get("t")
			.spanBuilder("s").startSpan().end();
		return capture.last;
	}

	static class Backend implements SpanExporter {

		final AtomicBoolean down = new AtomicBoolean();

		SpanData last;

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			spans.forEach((span) -> this.last = span);
			return this.down.get() ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
