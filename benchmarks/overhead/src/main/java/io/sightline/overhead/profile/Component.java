package io.sightline.overhead.profile;

import java.util.List;

/**
 * The library a stack frame belongs to, from its class name. A sample or an allocation is charged to
 * the first frame from the top that is not the JDK's, so {@code HashMap.get} called by the agent counts
 * as the agent's.
 */
public enum Component {

	OTEL_AGENT("OpenTelemetry agent and SDK", "io.opentelemetry.", "net.bytebuddy."),

	ZIPKIN("Zipkin encoding and reporting", "zipkin2."),

	BRAVE("Brave and Micrometer Tracing", "brave.", "io.micrometer.tracing."),

	SIGHTLINE("Sightline starter and extension", "io.sightline.boot.", "io.sightline.otel.", "io.sightline.redaction.",
			"io.sightline.identity.", "io.sightline.slo."),

	LOGGING("logging (Logback, logstash-logback-encoder, SLF4J)", "ch.qos.logback.", "net.logstash.", "org.slf4j."),

	METRICS("metrics (Micrometer, Prometheus client)", "io.micrometer.", "io.prometheus."),

	TOMCAT("Tomcat", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."),

	SPRING("Spring", "org.springframework."),

	JSON("JSON (Jackson)", "tools.jackson.", "com.fasterxml.jackson."),

	DATABASE("JDBC, H2, Hikari", "org.h2.", "com.zaxxer."),

	APP("the app itself", "io.sightline.overhead."),

	JDK("JDK only (no library frame on the stack)"),

	JVM("the JVM itself (JIT compiler, GC, VM threads; no Java frame)"),

	OTHER("other libraries");

	private final String label;

	private final List<String> prefixes;

	Component(String label, String... prefixes) {
		this.label = label;
		this.prefixes = List.of(prefixes);
	}

	public String label() {
		return this.label;
	}

	static boolean isJdk(String className) {
		return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
				|| className.startsWith("sun.") || className.startsWith("com.sun.");
	}

	static Component of(String className) {
		// the agent's shaded copies of libraries keep the agent's prefix, and count as the agent
		for (Component component : values()) {
			for (String prefix : component.prefixes) {
				if (className.startsWith(prefix)) {
					return component;
				}
			}
		}
		return isJdk(className) ? JDK : OTHER;
	}

}
