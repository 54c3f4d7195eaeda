package io.sightline.slo.spec;

import java.util.List;

/** A spec that cannot be used; every problem names where it is (e.g. {@code slos[1].objective}). */
public class InvalidSpecException extends RuntimeException {

	private final List<String> problems;

	public InvalidSpecException(String source, List<String> problems) {
		super("Invalid SLO spec " + source + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
