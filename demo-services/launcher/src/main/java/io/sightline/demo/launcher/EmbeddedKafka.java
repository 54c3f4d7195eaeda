package io.sightline.demo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka broker in the launcher's JVM, on fixed loopback ports (spring-kafka-test's
 * KRaft broker only binds random ones). Its storage is formatted fresh in a temporary folder.
 */
final class EmbeddedKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final Path logDir;

	private final int brokerPort;

	private EmbeddedKafka(KafkaRaftServer server, Path logDir, int brokerPort) {
		this.server = server;
		this.logDir = logDir;
		this.brokerPort = brokerPort;
	}

	static EmbeddedKafka start(int brokerPort, int controllerPort, Path runDir) throws Exception {
		Path logDir = Files.createDirectories(runDir.resolve("kafka"));
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", logDir.toString());
		properties.setProperty("num.partitions", "3");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "3");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		properties.setProperty("auto.create.topics.enable", "true");
		// bounded disk use for a demo that may run for hours
		properties.setProperty("log.retention.bytes", String.valueOf(64L * 1024 * 1024));
		properties.setProperty("log.segment.bytes", String.valueOf(16L * 1024 * 1024));

		new Formatter().setNodeId(1)
			.setClusterId(Uuid.randomUuid().toString())
			.setDirectories(List.of(logDir.toString()))
			.setControllerListenerName("CONTROLLER")
			.setReleaseVersion(MetadataVersion.latestProduction())
			.setHasDynamicQuorum(false)
			.run();
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		return new EmbeddedKafka(server, logDir, brokerPort);
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.brokerPort;
	}

	@Override
	public void close() throws IOException {
		this.server.shutdown();
		this.server.awaitShutdown();
		try (Stream<Path> files = Files.walk(this.logDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
