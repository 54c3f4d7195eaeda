package io.sightline.demo.faults;

/** The failure an injected error stands for: logged with its stack trace, like a real bug would be. */
public class InjectedFaultException extends RuntimeException {

	public InjectedFaultException(String message) {
		super(message);
	}

}
