package io.sightline.boot.servicegraph;

/**
 * Reads and sets the {@code sightline.caller} baggage entry of the current tracing context, in the way
 * of the tracing mode in effect: the OpenTelemetry API with the javaagent, Micrometer Tracing without.
 */
public interface CallerBaggage {

	/** Neither reads nor sets anything (tracing off). */
	CallerBaggage NONE = new CallerBaggage() {

		@Override
		public String current() {
			return null;
		}

		@Override
		public Scope actAs(String caller) {
			return Scope.NOOP;
		}

	};

	/** The raw value of {@code sightline.caller} in the current context, or null. */
	String current();

	/**
	 * Puts {@code sightline.caller=<caller>} into the current context, so that the calls and messages
	 * made in it carry this service as their caller. The scope must be closed on the same thread.
	 */
	Scope actAs(String caller);

	/** {@link #current()}, or null if the tracer fails: telemetry never fails a request. */
	static String currentQuietly(CallerBaggage baggage) {
		try {
			return baggage.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** {@link #actAs(String)}, or a no-op scope if the tracer fails: telemetry never fails a request. */
	static Scope actAsQuietly(CallerBaggage baggage, String caller) {
		try {
			Scope scope = baggage.actAs(caller);
			return (scope != null) ? scope : Scope.NOOP;
		}
		catch (RuntimeException ex) {
			return Scope.NOOP;
		}
	}

	/** Undoes {@link CallerBaggage#actAs(String)}; never throws. */
	interface Scope extends AutoCloseable {

		Scope NOOP = () -> {
		};

		@Override
		void close();

		/**
		 * Whether the scope must be closed on the thread that opened it (a thread-local context, as
		 * OpenTelemetry's). When it need not, an async request keeps it until it completes.
		 */
		default boolean threadBound() {
			return true;
		}

	}

}
