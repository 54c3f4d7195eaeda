package io.sightline.boot.servicegraph;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Makes every record this service produces carry {@code sightline.caller=<this service>} in its W3C
 * {@code baggage} header, whatever the thread's context is: a scheduler or a plain executor without a
 * request has no caller in its baggage, and the consumer would otherwise record the edge as
 * {@code unknown}. Other baggage members are kept. It runs inside {@code KafkaProducer.send}, after
 * the tracing instrumentation (Spring's template observation, or the agent) has written the headers.
 * Added to Boot's producer factory through {@code interceptor.classes}, next to any interceptors set
 * there.
 */
public class ServiceGraphProducerInterceptor implements ProducerInterceptor<Object, Object> {

	/** Producer config entry with this service's name (set by the starter). */
	public static final String CALLER_CONFIG = "sightline.service-graph.caller";

	private String caller;

	private byte[] callerBytes;

	@Override
	public void configure(Map<String, ?> configs) {
		Object value = configs.get(CALLER_CONFIG);
		this.caller = (value != null) ? Callers.validOrNull(value.toString()) : null;
		this.callerBytes = (this.caller != null) ? this.caller.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
		if (this.caller == null) {
			return record;
		}
		try {
			Headers headers = record.headers();
			Iterable<Header> baggage = headers.headers(Callers.BAGGAGE_HEADER);
			String existing = Callers.fromBaggageHeaders(ServiceGraphListenerAdvice.values(baggage));
			if (!this.caller.equals(existing)) {
				String merged = Callers.withCaller(ServiceGraphListenerAdvice.values(baggage), this.caller);
				headers.remove(Callers.BAGGAGE_HEADER);
				headers.add(Callers.BAGGAGE_HEADER, merged.getBytes(StandardCharsets.UTF_8));
			}
			// Brave also sends a declared remote field in a header of its own name
			Header own = headers.lastHeader(Callers.BAGGAGE_KEY);
			if (own != null && (own.value() == null
					|| !this.caller.equals(new String(own.value(), StandardCharsets.UTF_8)))) {
				headers.remove(Callers.BAGGAGE_KEY);
				headers.add(Callers.BAGGAGE_KEY, this.callerBytes);
			}
		}
		catch (RuntimeException ex) {
			// read-only headers (a resend): the record goes out as it is
		}
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

}
