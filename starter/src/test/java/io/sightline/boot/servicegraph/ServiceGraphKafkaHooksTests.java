package io.sightline.boot.servicegraph;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.baggage.Baggage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceGraphKafkaHooksTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ServiceGraphMeters meters = new ServiceGraphMeters("payments", List.of(Duration.ofMillis(100)));

	private final ServiceGraphListenerAdvice advice = new ServiceGraphListenerAdvice(this.meters,
			new OpenTelemetryCallerBaggage());

	ServiceGraphKafkaHooksTests() {
		this.meters.bindTo(this.registry);
	}

	@Test
	void theListenerRunsAsThisServiceAndTheEdgeHasTheRecordsCaller() {
		AtomicReference<String> callerInListener = new AtomicReference<>();
		MessageListener<String, String> listener = advised(
				(record) -> callerInListener.set(Baggage.current().getEntryValue(Callers.BAGGAGE_KEY)));
		listener.onMessage(record("a=1,sightline.caller=orders"));
		assertThat(callerInListener).hasValue("payments");
		assertThat(Baggage.current().getEntryValue(Callers.BAGGAGE_KEY)).isNull();
		assertThat(count("orders", "false")).isEqualTo(1);
	}

	@Test
	void aListenerThatThrowsIsAFailedEdgeAndARecordWithoutBaggageIsUnknown() {
		MessageListener<String, String> listener = advised((record) -> {
			throw new IllegalStateException("boom");
		});
		assertThatIllegalStateException().isThrownBy(() -> listener.onMessage(record(null)));
		assertThat(count("unknown", "true")).isEqualTo(1);
	}

	@Test
	void hostileCallersInRecordsAreUnknown() {
		MessageListener<String, String> listener = advised((record) -> {
		});
		listener.onMessage(record("sightline.caller=" + "z".repeat(200)));
		listener.onMessage(record("sightline.caller=a{b}"));
		assertThat(count("unknown", "false")).isEqualTo(2);
	}

	@Test
	void theAdviceIsAppendedToAFactorysChainOnce() {
		ContainerProperties properties = new ContainerProperties("topic");
		org.aopalliance.intercept.MethodInterceptor userAdvice = (invocation) -> invocation.proceed();
		properties.setAdviceChain(userAdvice);
		ServiceGraphKafkaListenerFactoryPostProcessor.addTo(properties, this.advice);
		ServiceGraphKafkaListenerFactoryPostProcessor.addTo(properties, this.advice);
		assertThat(properties.getAdviceChain()).containsExactly(userAdvice, this.advice);
	}

	@Test
	void producedRecordsCarryThisServiceAndKeepOtherBaggage() {
		ServiceGraphProducerInterceptor interceptor = interceptor("orders");
		ProducerRecord<Object, Object> withUpstream = new ProducerRecord<>("t", "v");
		withUpstream.headers().add("baggage", bytes("a=1,sightline.caller=gateway"));
		withUpstream.headers().add("sightline.caller", bytes("gateway"));
		interceptor.onSend(withUpstream);
		assertThat(header(withUpstream, "baggage")).isEqualTo("a=1,sightline.caller=orders");
		assertThat(header(withUpstream, "sightline.caller")).isEqualTo("orders");
		assertThat(withUpstream.headers().headers("baggage")).hasSize(1);

		ProducerRecord<Object, Object> bare = new ProducerRecord<>("t", "v");
		interceptor.onSend(bare);
		assertThat(header(bare, "baggage")).isEqualTo("sightline.caller=orders");
		assertThat(bare.headers().lastHeader("sightline.caller")).isNull();

		ProducerRecord<Object, Object> alreadyRight = new ProducerRecord<>("t", "v");
		alreadyRight.headers().add("baggage", bytes("sightline.caller=orders,b=2"));
		interceptor.onSend(alreadyRight);
		assertThat(header(alreadyRight, "baggage")).isEqualTo("sightline.caller=orders,b=2");
	}

	@Test
	void readOnlyHeadersAreLeftAlone() {
		ServiceGraphProducerInterceptor interceptor = interceptor("orders");
		ProducerRecord<Object, Object> resend = new ProducerRecord<>("t", "v");
		resend.headers().add("baggage", bytes("sightline.caller=gateway"));
		// KafkaProducer makes a record's headers read-only once it has been sent
		((RecordHeaders) resend.headers()).setReadOnly();
		assertThat(interceptor.onSend(resend)).isSameAs(resend);
		assertThat(header(resend, "baggage")).isEqualTo("sightline.caller=gateway");
	}

	@Test
	void anInvalidOwnNameDisablesTheInterceptor() {
		ServiceGraphProducerInterceptor interceptor = interceptor("not valid!");
		ProducerRecord<Object, Object> record = new ProducerRecord<>("t", "v");
		interceptor.onSend(record);
		assertThat(record.headers().lastHeader("baggage")).isNull();
	}

	@Test
	void theProducerFactoryGetsTheInterceptorAfterTheConfiguredOnes() {
		assertThat(ServiceGraphProducerFactoryCustomizer.interceptors("a.One, b.Two")).containsExactly("a.One", "b.Two");
		assertThat(ServiceGraphProducerFactoryCustomizer.interceptors(List.of(String.class, " c.Three")))
			.containsExactly(String.class, "c.Three");
		assertThat(ServiceGraphProducerFactoryCustomizer.interceptors(null)).isEmpty();
		org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object> factory = new org.springframework.kafka.core.DefaultKafkaProducerFactory<>(
				Map.of("interceptor.classes", "a.One"));
		new ServiceGraphProducerFactoryCustomizer("orders").customize(factory);
		new ServiceGraphProducerFactoryCustomizer("orders").customize(factory);
		assertThat(factory.getConfigurationProperties().get("interceptor.classes"))
			.isEqualTo(List.of("a.One", ServiceGraphProducerInterceptor.class.getName()));
		assertThat(factory.getConfigurationProperties().get(ServiceGraphProducerInterceptor.CALLER_CONFIG))
			.isEqualTo("orders");
	}

	private ServiceGraphProducerInterceptor interceptor(String caller) {
		ServiceGraphProducerInterceptor interceptor = new ServiceGraphProducerInterceptor();
		interceptor.configure(Map.of(ServiceGraphProducerInterceptor.CALLER_CONFIG, caller));
		return interceptor;
	}

	@SuppressWarnings("unchecked")
	private MessageListener<String, String> advised(MessageListener<String, String> target) {
		ProxyFactory proxy = new ProxyFactory(target);
		proxy.addAdvice(this.advice);
		return (MessageListener<String, String>) proxy.getProxy();
	}

	private static ConsumerRecord<String, String> record(String baggage) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "k", "v");
		if (baggage != null) {
			record.headers().add("baggage", bytes(baggage));
		}
		return record;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String header(ProducerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private double count(String client, String failed) {
		Counter counter = this.registry.find(ServiceGraphMeters.REQUESTS)
			.tags("client", client, "server", "payments", "connection_type", "messaging", "failed", failed)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
