package io.sightline.demo.order.application;

/**
 * Keeps the saga in one trace across its asynchronous steps. Kafka records carry the trace context in
 * their headers on their own; this covers the step that no record starts: the timeout, which runs on a
 * scheduler thread long after the request that placed the order.
 */
public interface SagaTracing {

	/** Tracing off: nothing is captured, actions run as they are. */
	SagaTracing NONE = new SagaTracing() {

		@Override
		public String currentTraceParent() {
			return null;
		}

		@Override
		public void continueTrace(String traceParent, String spanName, Runnable action) {
			action.run();
		}

	};

	/**
	 * The W3C {@code traceparent} of the current span.
	 * @return the header value, or null when no span is current
	 */
	String currentTraceParent();

	/**
	 * Runs an action in a new span that continues a stored trace.
	 * @param traceParent a W3C {@code traceparent}; null starts a new trace
	 * @param spanName the new span's name
	 * @param action what to run inside the span
	 */
	void continueTrace(String traceParent, String spanName, Runnable action);

}
