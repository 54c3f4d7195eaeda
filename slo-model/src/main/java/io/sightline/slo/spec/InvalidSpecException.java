package io.sightline.slo.spec;

import java.util.List;

/** A spec that cannot be used; every problem names where it is (e.g. {@code slos[1].objective}). */
public class InvalidSpecException extends RuntimeException {

	private final List<String> problems;

	public InvalidSpecException(String source, List<String> problems) {
		super(report(source, problems));
		this.problems = List.copyOf(problems);
	}

	/** One bullet per problem; a problem of several lines (another spec's report) is nested under it. */
	private static String report(String source, List<String> problems) {
		StringBuilder report = new StringBuilder("Invalid SLO spec ").append(source).append(':');
		for (String problem : problems) {
			report.append("\n  - ").append(problem.replace("\n", "\n    "));
		}
		return report.toString();
	}

	public List<String> problems() {
		return this.problems;
	}

}
