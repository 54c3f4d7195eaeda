package io.sightline.boot.slo;

import java.util.List;

/**
 * Thrown at startup when the SLO spec that {@code sightline.slo.spec} points at exists but cannot be
 * used; the message names the property, the resource and every problem.
 */
public class InvalidSloSpecException extends IllegalStateException {

	public static final String PROPERTY = "sightline.slo.spec";

	private final String location;

	private final List<String> problems;

	public InvalidSloSpecException(String location, List<String> problems, Throwable cause) {
		super("The SLO spec " + location + " (property '" + PROPERTY + "') is invalid:\n  - "
				+ String.join("\n  - ", problems), cause);
		this.location = location;
		this.problems = List.copyOf(problems);
	}

	public String getLocation() {
		return this.location;
	}

	public List<String> getProblems() {
		return this.problems;
	}

}
