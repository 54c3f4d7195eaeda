package io.sightline.boot.identity;

/**
 * Thrown at startup when {@code spring.application.name} is not set: without it, the service's
 * telemetry cannot be told apart from any other's.
 */
public class MissingServiceNameException extends IllegalStateException {

	public static final String PROPERTY = "spring.application.name";

	public MissingServiceNameException() {
		super("Sightline needs a service name: set the property '" + PROPERTY
				+ "' (or SPRING_APPLICATION_NAME). It becomes service.name on every span, log line and metric.");
	}

}
