package io.sightline.boot.servicegraph;

import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Agentless mode: baggage through Micrometer Tracing (Brave). The field must be a remote baggage field
 * for Brave to extract it from incoming requests and records; {@link CallerBaggagePropagationCustomizer}
 * declares it. Setting it needs a current span (the server or listener observation's).
 */
class MicrometerCallerBaggage implements CallerBaggage {

	private final ObjectProvider<Tracer> tracerProvider;

	private volatile Tracer tracer;

	MicrometerCallerBaggage(ObjectProvider<Tracer> tracerProvider) {
		this.tracerProvider = tracerProvider;
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = this.tracerProvider.getIfAvailable(() -> Tracer.NOOP);
			this.tracer = tracer;
		}
		return tracer;
	}

	@Override
	public String current() {
		Tracer tracer = tracer();
		if (tracer == Tracer.NOOP || tracer.currentSpan() == null) {
			return null;
		}
		Baggage baggage = tracer.getBaggage(Callers.BAGGAGE_KEY);
		return (baggage != null) ? baggage.get() : null;
	}

	@Override
	public Scope actAs(String caller) {
		Tracer tracer = tracer();
		if (tracer == Tracer.NOOP || tracer.currentSpan() == null) {
			return Scope.NOOP;
		}
		BaggageInScope baggage = tracer.createBaggageInScope(Callers.BAGGAGE_KEY, caller);
		return new Scope() {

			@Override
			public void close() {
				baggage.close();
			}

			@Override
			public boolean threadBound() {
				// Brave keeps baggage on the span's context, not in a thread-local
				return false;
			}

		};
	}

}
