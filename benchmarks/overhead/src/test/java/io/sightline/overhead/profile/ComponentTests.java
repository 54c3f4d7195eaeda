package io.sightline.overhead.profile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentTests {

	@Test
	void classesAreChargedToTheirLibrary() {
		assertThat(Component.of("io.opentelemetry.javaagent.shaded.io.opentelemetry.sdk.trace.SdkSpan"))
			.isEqualTo(Component.OTEL_AGENT);
		assertThat(Component.of("io.sightline.otel.redaction.SpanRedactor")).isEqualTo(Component.SIGHTLINE);
		assertThat(Component.of("io.sightline.overhead.app.OrderController")).isEqualTo(Component.APP);
		assertThat(Component.of("io.micrometer.tracing.brave.bridge.BraveTracer")).isEqualTo(Component.BRAVE);
		assertThat(Component.of("io.micrometer.core.instrument.Timer")).isEqualTo(Component.METRICS);
		assertThat(Component.of("net.logstash.logback.encoder.LogstashEncoder")).isEqualTo(Component.LOGGING);
		assertThat(Component.of("org.apache.catalina.core.StandardWrapperValve")).isEqualTo(Component.TOMCAT);
		assertThat(Component.of("java.util.HashMap")).isEqualTo(Component.JDK);
		assertThat(Component.of("org.example.Something")).isEqualTo(Component.OTHER);
	}

}
