package io.sightline.boot.tracing;

import brave.Tag;
import brave.Tags;
import brave.Tracing;
import brave.handler.MutableSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.boot.tracing.TracingProperties.TracingMode;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.redaction.RedactionAutoConfiguration;
import io.sightline.redaction.RedactionPolicy;
import zipkin2.reporter.BytesEncoder;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.ReporterMetrics;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;
import zipkin2.reporter.brave.MutableSpanBytesEncoder;
import zipkin2.reporter.metrics.micrometer.MicrometerReporterMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.ConditionalOnEnabledTracingExport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Agentless tracing: Micrometer Tracing with Brave (configured by Spring Boot), plus the identity and
 * redaction span handler, and a Zipkin reporter whose queue is bounded and whose drops are metered.
 */
@AutoConfiguration(after = { IdentityAutoConfiguration.class, RedactionAutoConfiguration.class },
		afterName = "org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
		beforeName = { "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.brave.autoconfigure.zipkin.ZipkinWithBraveTracingAutoConfiguration" })
@ConditionalOnClass(Tracing.class)
@ConditionalOnTracingMode(TracingMode.AGENTLESS)
public class AgentlessTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	IdentitySpanHandler sightlineIdentitySpanHandler(SightlineIdentity identity, RedactionPolicy policy) {
		return new IdentitySpanHandler(identity, policy);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AsyncZipkinSpanHandler.class, MicrometerReporterMetrics.class, MeterRegistry.class })
	static class ZipkinReporterConfiguration {

		/** Spans buffered while Zipkin is slow or down; beyond it spans are dropped and counted. */
		static final int QUEUED_MAX_SPANS = 10_000;

		@Bean
		@ConditionalOnMissingBean(AsyncZipkinSpanHandler.class)
		@ConditionalOnBean({ BytesMessageSender.class, Encoding.class })
		@ConditionalOnEnabledTracingExport("zipkin")
		AsyncZipkinSpanHandler sightlineZipkinSpanHandler(BytesMessageSender sender, Encoding encoding,
				ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<BytesEncoder<MutableSpan>> encoder,
				ObjectProvider<Tag<Throwable>> errorTag) {
			MeterRegistry registry = meterRegistry.getIfAvailable();
			ReporterMetrics metrics = (registry != null) ? MicrometerReporterMetrics.create(registry)
					: ReporterMetrics.NOOP_METRICS;
			return AsyncZipkinSpanHandler.newBuilder(sender)
				.metrics(metrics)
				.queuedMaxSpans(QUEUED_MAX_SPANS)
				.build(encoder.getIfAvailable(
						() -> MutableSpanBytesEncoder.create(encoding, errorTag.getIfAvailable(() -> Tags.ERROR))));
		}

	}

}
