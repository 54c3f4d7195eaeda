package io.sightline.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.sightline.boot.logging.LoggingProperties;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.logging.EcsEncoders;
import io.sightline.boot.logging.LogRedaction;
import io.sightline.redaction.RedactionPolicy;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import java.util.HashMap;
import org.springframework.core.env.MapPropertySource;

/**
 * Cost of turning one typical log event into a line: Sightline's ECS encoder (logstash-logback-encoder
 * plus redaction of message, MDC and key-values) beside Spring Boot's built-in structured ECS encoder
 * ({@code logging.structured.format.console=ecs}), which does no redaction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EcsEncodingBenchmark {

	static final SightlineIdentity IDENTITY = new SightlineIdentity("order-service", "prod", "1.4.2",
			"a1b2c3d-20261125T171200Z", "3f1c2a4e-9d7b-3c1e-8f0a-5b6c7d8e9f00");

	private LoggerContext context;

	private Logger logger;

	private LoggingEventCompositeJsonEncoder sightline;

	private StructuredLogEncoder boot;

	private Map<String, String> mdc;

	@Setup(Level.Trial)
	public void setUp() {
		LogRedaction.install(RedactionPolicy.defaults());
		this.context = new LoggerContext();
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.application.name", "order-service");
		properties.put("spring.application.version", "1.4.2");
		properties.put("logging.structured.ecs.service.environment", "prod");
		environment.getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		this.context.putObject(Environment.class.getName(), environment);
		this.logger = this.context.getLogger("io.example.orders.OrderController");
		this.logger.setLevel(ch.qos.logback.classic.Level.INFO);
		this.sightline = EcsEncoders.create(this.context, IDENTITY, new LoggingProperties());
		this.boot = new StructuredLogEncoder();
		this.boot.setContext(this.context);
		this.boot.setFormat("ecs");
		this.boot.start();
		this.mdc = Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "order_id",
				"o-918273");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.stop();
	}

	/** A typical INFO event of a request: three arguments, trace ids and one label in the MDC. */
	private LoggingEvent typicalEvent() {
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), this.logger, ch.qos.logback.classic.Level.INFO,
				"Order {} placed for customer {} with {} items", null, new Object[] { "o-918273", "c-5521", 3 });
		event.setThreadName("http-nio-8081-exec-7");
		event.setMDCPropertyMap(this.mdc);
		return event;
	}

	@Benchmark
	public byte[] sightlineEcsWithRedaction() {
		return this.sightline.encode(typicalEvent());
	}

	@Benchmark
	public byte[] bootStructuredEcs() {
		return this.boot.encode(typicalEvent());
	}

	@Benchmark
	public LoggingEvent eventCreationOnly() {
		LoggingEvent event = typicalEvent();
		event.getFormattedMessage();
		return event;
	}

	static List<String> benchmarkNames() {
		return List.of("sightlineEcsWithRedaction", "bootStructuredEcs", "eventCreationOnly");
	}

}
