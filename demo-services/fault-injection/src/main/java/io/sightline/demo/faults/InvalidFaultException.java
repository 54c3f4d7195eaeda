package io.sightline.demo.faults;

import java.util.List;

/** Fault settings that were refused; the message lists every problem, each naming its field. */
public class InvalidFaultException extends IllegalArgumentException {

	private final List<String> problems;

	public InvalidFaultException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
