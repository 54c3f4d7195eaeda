package io.sightline.boot.servicegraph;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;

/**
 * Agent mode: baggage through the application's OpenTelemetry API, which the javaagent bridges to its
 * own context. The agent's server and consumer instrumentation has extracted the incoming baggage by
 * the time the starter's hooks run, and its client and producer instrumentation injects the current
 * baggage (its default propagators are tracecontext,baggage).
 */
class OpenTelemetryCallerBaggage implements CallerBaggage {

	@Override
	public String current() {
		return Baggage.current().getEntryValue(Callers.BAGGAGE_KEY);
	}

	@Override
	public Scope actAs(String caller) {
		Context context = Context.current();
		io.opentelemetry.context.Scope scope = Baggage.fromContext(context)
			.toBuilder()
			.put(Callers.BAGGAGE_KEY, caller)
			.build()
			.storeInContext(context)
			.makeCurrent();
		return scope::close;
	}

}
