package io.sightline.agent.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Zipkin server for the whole test run (about 5 s to start), injected as a {@link RestartableZipkin}
 * parameter and stopped when the run ends. Test classes keep apart by service name.
 */
final class SharedZipkin implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedZipkin.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == RestartableZipkin.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// The root store closes its AutoCloseable values at the end of the run.
		RestartableZipkin zipkin = extensionContext.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(RestartableZipkin.class, (key) -> start(), RestartableZipkin.class);
		if (!zipkin.isRunning()) {
			// a test that stopped it failed before bringing it back
			try {
				zipkin.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Zipkin did not restart", ex);
			}
		}
		return zipkin;
	}

	private static RestartableZipkin start() {
		try {
			return RestartableZipkin.startOnFreePort();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Zipkin did not start", ex);
		}
	}

}
