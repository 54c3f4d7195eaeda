package io.sightline.boot.tracing;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's span export counts, published over JMX by the agent extension, as Micrometer counters. */
class AgentSpanExportMetersTests {

	static final String NAME = "io.sightline.test:type=SpanExport";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class, AgentModeAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders", "sightline.tracing.mode=agent");

	/** Stands in for the extension's MXBean (another class loader in real life: only JMX is shared). */
	public interface FakeStatsMXBean {

		long getExportedSpans();

		long getFailedSpans();

	}

	static final class FakeStats implements FakeStatsMXBean {

		volatile long exported;

		volatile long failed;

		@Override
		public long getExportedSpans() {
			return this.exported;
		}

		@Override
		public long getFailedSpans() {
			return this.failed;
		}

	}

	@Test
	void droppedAndExportedSpansAreReadFromTheAgentsMXBeanAtEachRead() throws Exception {
		MBeanServer server = ManagementFactory.getPlatformMBeanServer();
		this.runner.withPropertyValues(AgentSpanExportMeters.OBJECT_NAME_PROPERTY + "=" + NAME).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			// before the agent's first export the MXBean does not exist yet
			assertThat(registry.get("sightline.tracing.spans.dropped").tag("reason", "export_failed").functionCounter()
				.count()).isZero();
			FakeStats stats = new FakeStats();
			server.registerMBean(stats, new ObjectName(NAME));
			try {
				stats.exported = 40;
				stats.failed = 7;
				assertThat(registry.get("sightline.tracing.spans.dropped").functionCounter().count()).isEqualTo(7);
				assertThat(registry.get("sightline.tracing.spans.exported").functionCounter().count()).isEqualTo(40);
				stats.failed = 9;
				assertThat(registry.get("sightline.tracing.spans.dropped").functionCounter().count()).isEqualTo(9);
			}
			finally {
				server.unregisterMBean(new ObjectName(NAME));
			}
		});
	}

	@Test
	void withoutSightlinesAgentExtensionThereAreNoSuchMeters() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean("sightlineAgentSpanExportMeters");
			assertThat(context.getBean(MeterRegistry.class).find("sightline.tracing.spans.dropped").meters()).isEmpty();
		});
	}

	@Test
	void agentlessModeHasTheReportersCountersInstead() {
		this.runner.withPropertyValues("sightline.tracing.mode=agentless",
				AgentSpanExportMeters.OBJECT_NAME_PROPERTY + "=" + NAME)
			.run((context) -> assertThat(context).doesNotHaveBean("sightlineAgentSpanExportMeters"));
	}

}
