package io.sightline.boot.servicegraph;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.sightline.boot.servicegraph.ServiceGraphMeters.ConnectionType;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The messaging side of service-graph edges: advice around a record listener's {@code onMessage},
 * added to the advice chain of every Kafka listener container factory. It runs inside the listener
 * observation's scope (agentless) and inside the agent's process span (agent mode), where the
 * record's baggage has been extracted; a RecordInterceptor would run before the observation starts.
 * Reads the caller from the context, else from the record's {@code baggage} header; makes this service
 * the caller of what the listener does; records the edge, failed when the listener throws. Batch
 * listeners are not recorded.
 */
public class ServiceGraphListenerAdvice implements MethodInterceptor {

	private final ServiceGraphMeters meters;

	private final CallerBaggage baggage;

	public ServiceGraphListenerAdvice(ServiceGraphMeters meters, CallerBaggage baggage) {
		this.meters = meters;
		this.baggage = baggage;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		if (!"onMessage".equals(invocation.getMethod().getName()) || arguments.length == 0
				|| !(arguments[0] instanceof ConsumerRecord<?, ?> record)) {
			return invocation.proceed();
		}
		long start = System.nanoTime();
		String client = Callers.sanitize(incomingCaller(record));
		boolean failed = true;
		try (CallerBaggage.Scope scope = CallerBaggage.actAsQuietly(this.baggage, this.meters.server())) {
			Object result = invocation.proceed();
			failed = false;
			return result;
		}
		finally {
			this.meters.record(client, ConnectionType.MESSAGING, failed, System.nanoTime() - start);
		}
	}

	private String incomingCaller(ConsumerRecord<?, ?> record) {
		String fromContext = CallerBaggage.currentQuietly(this.baggage);
		if (fromContext != null) {
			return fromContext;
		}
		Headers headers = record.headers();
		return (headers != null) ? Callers.fromBaggageHeaders(values(headers.headers(Callers.BAGGAGE_HEADER))) : null;
	}

	static Iterator<String> values(Iterable<Header> headers) {
		if (headers == null) {
			return null;
		}
		Iterator<Header> iterator = headers.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public String next() {
				if (!iterator.hasNext()) {
					throw new NoSuchElementException();
				}
				byte[] value = iterator.next().value();
				if (value == null) {
					return null;
				}
				// decode no more than the parser looks at
				int length = Math.min(value.length, Callers.MAX_HEADER_CHARS);
				return new String(value, 0, length, StandardCharsets.UTF_8);
			}

		};
	}

}
