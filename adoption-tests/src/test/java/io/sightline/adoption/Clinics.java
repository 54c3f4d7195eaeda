package io.sightline.adoption;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The running clinics of this test run, one per {@link ClinicMode}, each started on first use and
 * shared by every test class (an app start costs 5 to 15 s here); injected as a {@code Clinics}
 * parameter and stopped when the run ends. A test that stops one ({@link #stop}) gets a fresh one the
 * next time it is asked for.
 */
public final class Clinics implements AutoCloseable {

	private final Map<ClinicMode, RunningClinic> running = new EnumMap<>(ClinicMode.class);

	public synchronized RunningClinic of(ClinicMode mode) {
		RunningClinic clinic = this.running.get(mode);
		if (clinic == null || clinic.isStopped()) {
			try {
				clinic = RunningClinic.start(mode);
			}
			catch (Exception ex) {
				throw new IllegalStateException("the " + mode.label() + " clinic did not start", ex);
			}
			this.running.put(mode, clinic);
		}
		return clinic;
	}

	public RunningClinic agent() {
		return of(ClinicMode.AGENT);
	}

	public RunningClinic agentless() {
		return of(ClinicMode.AGENTLESS);
	}

	/** Stops the mode's clinic and returns it, for its complete output. */
	public synchronized RunningClinic stop(ClinicMode mode) throws InterruptedException {
		RunningClinic clinic = of(mode);
		clinic.close();
		return clinic;
	}

	@Override
	public synchronized void close() throws InterruptedException {
		for (RunningClinic clinic : this.running.values()) {
			clinic.close();
		}
	}

	/** Resolves {@code Clinics} parameters to the one instance of the run. */
	public static final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Clinics.class);

		@Override
		public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			return parameterContext.getParameter().getType() == Clinics.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			// the root store closes its AutoCloseable values when the run ends
			return extensionContext.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(Clinics.class, (key) -> new Clinics(), Clinics.class);
		}

	}

}
