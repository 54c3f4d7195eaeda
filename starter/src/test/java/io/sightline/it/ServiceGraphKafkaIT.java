package io.sightline.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sightline.boot.servicegraph.ServiceGraphMeters;
import io.sightline.it.servicegraph.ServiceGraphApplication;
import io.sightline.it.servicegraph.ServiceGraphApplication.EdgeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agentless over Kafka, against an embedded KRaft broker: a record produced while handling a request,
 * or from a thread outside any request, is consumed with this service as its caller.
 */
@SpringBootTest(classes = ServiceGraphApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=" + ServiceGraphKafkaIT.APP, "sightline.tracing.mode=agentless",
				"management.tracing.export.zipkin.enabled=false", "sightline.logging.console=text",
				"servicegraph.kafka.enabled=true", "spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.template.observation-enabled=true", "spring.kafka.listener.observation-enabled=true",
				"logging.level.kafka=warn", "logging.level.org.apache.kafka=warn" })
@EmbeddedKafka(partitions = 1, topics = ServiceGraphApplication.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ServiceGraphKafkaIT {

	static final String APP = "graph-kafka";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	EmbeddedKafkaBroker broker;

	@BeforeEach
	void listenersAssigned() {
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			ContainerTestUtils.waitForAssignment(container, 1);
		}
	}

	@Test
	void aRecordProducedInARequestIsConsumedWithThisServiceAsCaller() throws Exception {
		String payload = "in-request-" + UUID.randomUUID();
		double before = messaging(APP, "false");
		HttpResponse<String> response = get("/produce?payload=" + payload, Map.of("traceparent",
				"00-6bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "baggage", "sightline.caller=upstream-svc"));
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> messaging(APP, "false") >= before + 1);
		assertThat(EdgeListener.BAGGAGE.get(payload)).contains("sightline.caller=" + APP)
			.doesNotContain("upstream-svc");
		// Brave wrote this header from the request's context: the caller was set there, not only by the
		// producer interceptor
		assertThat(EdgeListener.CALLER_HEADER.get(payload)).isEqualTo(APP);
		Timer timer = this.registry.find(ServiceGraphMeters.DURATION)
			.tags("client", APP, "server", APP, "connection_type", "messaging", "failed", "false")
			.timer();
		assertThat(timer).isNotNull();
		// the HTTP edge of the request itself came from upstream-svc
		assertThat(this.registry.find(ServiceGraphMeters.REQUESTS)
			.tags("client", "upstream-svc", "server", APP, "connection_type", "http")
			.counter()).isNotNull();
	}

	@Test
	void aRecordProducedOutsideAnyRequestStillCarriesThisService() throws Exception {
		String payload = "detached-" + UUID.randomUUID();
		double before = messaging(APP, "false");
		assertThat(get("/produce-detached?payload=" + payload, Map.of()).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> messaging(APP, "false") >= before + 1);
		// no context on that thread: the producer interceptor added the caller
		assertThat(EdgeListener.BAGGAGE.get(payload)).isEqualTo("sightline.caller=" + APP);
		assertThat(EdgeListener.CALLER_HEADER.get(payload)).isEqualTo("(none)");
		assertThat(messaging("unknown", "false")).isZero();
	}

	@Test
	void aRecordFromAnotherServiceIsFromItAndTheListenerActsAsThisService() throws Exception {
		String payload = "external-" + UUID.randomUUID();
		double before = messaging("billing-svc", "false");
		ServiceGraphApplication.publishAs(this.broker.getBrokersAsString(), payload, "billing-svc");
		await().atMost(Duration.ofSeconds(20)).until(() -> messaging("billing-svc", "false") >= before + 1);
		assertThat(EdgeListener.CALLER_IN_LISTENER.get(payload)).isEqualTo(APP);
	}

	@Test
	void aListenerThatThrowsIsAFailedEdge() throws Exception {
		double before = messaging(APP, "true");
		assertThat(get("/produce?payload=fail-" + UUID.randomUUID(), Map.of()).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> messaging(APP, "true") >= before + 1);
	}

	private double messaging(String client, String failed) {
		Counter counter = this.registry.find(ServiceGraphMeters.REQUESTS)
			.tags("client", client, "server", APP, "connection_type", "messaging", "failed", failed)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
