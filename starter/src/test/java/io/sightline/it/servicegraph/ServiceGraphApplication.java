package io.sightline.it.servicegraph;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.sightline.boot.servicegraph.CallerBaggage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

/**
 * A service that calls itself, so that one process shows both ends of a service-graph edge: /front
 * calls /back over HTTP with a RestClient built from Boot's builder, and (with
 * servicegraph.kafka.enabled=true) /produce sends a record that a @KafkaListener consumes.
 */
@SpringBootApplication
public class ServiceGraphApplication {

	public static final String TOPIC = "service-graph-events";

	public static void main(String[] args) {
		SpringApplication.run(ServiceGraphApplication.class, args);
	}

	/**
	 * Sends a record as another service would (a plain producer, outside this app), with a trace
	 * context and {@code sightline.caller=<caller>} in its baggage.
	 */
	public static void publishAs(String bootstrapServers, String payload, String caller) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, payload);
			record.headers()
				.add("traceparent",
						"00-7bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
			record.headers().add("baggage", ("sightline.caller=" + caller).getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(10, TimeUnit.SECONDS);
		}
	}

	@Bean
	RestClient selfClient(RestClient.Builder builder) {
		return builder.build();
	}

	@RestController
	static class EdgeController {

		private final RestClient client;

		private final Environment environment;

		EdgeController(RestClient client, Environment environment) {
			this.client = client;
			this.environment = environment;
		}

		/** Calls /back; with backStatus=500 the callee fails, and the front still answers 200. */
		@GetMapping("/front")
		Map<String, Object> front(@RequestParam(defaultValue = "200") int backStatus) {
			String url = "http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/back?status="
					+ backStatus;
			try {
				String body = this.client.get().uri(url).retrieve().body(String.class);
				return Map.of("back", String.valueOf(body));
			}
			catch (HttpServerErrorException ex) {
				return Map.of("back", ex.getStatusCode().value());
			}
		}

		@GetMapping("/back")
		ResponseEntity<String> back(@RequestParam(defaultValue = "200") int status) {
			return ResponseEntity.status(status).body("back " + status);
		}

		/** An exception escapes the controller. */
		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("servicegraph.kafka.enabled")
	static class KafkaEdges {

		@Bean
		CommonErrorHandler noRetries() {
			return new DefaultErrorHandler(new FixedBackOff(0L, 0L));
		}

	}

	/** Consumes the records; a payload starting with "fail" makes it throw. */
	@Component
	@ConditionalOnBooleanProperty("servicegraph.kafka.enabled")
	public static class EdgeListener {

		/** The baggage header of each consumed record, by payload. */
		public static final Map<String, String> BAGGAGE = new ConcurrentHashMap<>();

		/** The sightline.caller header (Brave's own header of a remote baggage field), by payload. */
		public static final Map<String, String> CALLER_HEADER = new ConcurrentHashMap<>();

		/** The caller in the tracing context while the listener ran, by payload. */
		public static final Map<String, String> CALLER_IN_LISTENER = new ConcurrentHashMap<>();

		private final CallerBaggage baggage;

		EdgeListener(CallerBaggage baggage) {
			this.baggage = baggage;
		}

		@KafkaListener(topics = TOPIC, groupId = "service-graph")
		void listen(ConsumerRecord<String, String> record) {
			Header baggage = record.headers().lastHeader("baggage");
			BAGGAGE.put(record.value(),
					(baggage != null) ? new String(baggage.value(), StandardCharsets.UTF_8) : "(none)");
			Header caller = record.headers().lastHeader("sightline.caller");
			CALLER_HEADER.put(record.value(),
					(caller != null) ? new String(caller.value(), StandardCharsets.UTF_8) : "(none)");
			String current = this.baggage.current();
			CALLER_IN_LISTENER.put(record.value(), (current != null) ? current : "(none)");
			if (record.value().startsWith("fail")) {
				throw new IllegalStateException("listener failed for " + record.value());
			}
		}

	}

	@RestController
	@ConditionalOnBooleanProperty("servicegraph.kafka.enabled")
	static class ProduceController {

		private final KafkaTemplate<String, String> template;

		ProduceController(KafkaTemplate<String, String> template) {
			this.template = template;
		}

		/** Sends while handling the request. */
		@GetMapping("/produce")
		String produce(@RequestParam String payload) throws Exception {
			this.template.send(TOPIC, payload).get(10, TimeUnit.SECONDS);
			return "sent " + payload;
		}

		/** The headers the listener saw for a payload, once consumed. */
		@GetMapping("/consumed")
		ResponseEntity<Map<String, String>> consumed(@RequestParam String payload) {
			String baggage = EdgeListener.BAGGAGE.get(payload);
			if (baggage == null) {
				return ResponseEntity.notFound().build();
			}
			return ResponseEntity.ok(Map.of("baggage", baggage, "callerHeader", EdgeListener.CALLER_HEADER.get(payload),
					"callerInListener", EdgeListener.CALLER_IN_LISTENER.get(payload)));
		}

		/** Sends from a thread of its own, outside any request (like a scheduler). */
		@GetMapping("/produce-detached")
		String produceDetached(@RequestParam String payload) throws Exception {
			Thread thread = new Thread(() -> {
				try {
					this.template.send(TOPIC, payload).get(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, "detached-producer");
			thread.start();
			thread.join(Duration.ofSeconds(15).toMillis());
			return "sent detached " + payload;
		}

	}

}
