package io.sightline.slo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * HTTP statuses written as classes ({@code 5xx}) or exact codes ({@code 429}).
 *
 * @param patterns each a class like {@code 5xx} or a code like {@code 429}
 */
public record StatusSet(List<String> patterns) {

	/** The default error set: every server error. */
	public static final StatusSet SERVER_ERRORS = new StatusSet(List.of("5xx"));

	public StatusSet {
		if (patterns.isEmpty()) {
			throw new IllegalArgumentException("at least one status is required");
		}
		for (String pattern : patterns) {
			if (!isValid(pattern)) {
				throw new IllegalArgumentException(
						"\"" + pattern + "\" is not a status: use a class like 5xx or a code like 429");
			}
		}
		patterns = List.copyOf(patterns);
	}

	public static boolean isValid(String pattern) {
		return pattern != null && (pattern.matches("[1-5]xx") || pattern.matches("[1-5][0-9][0-9]"));
	}

	/** Whether a status tag value is in the set. */
	public boolean contains(String status) {
		if (status == null || status.length() != 3) {
			return false;
		}
		for (String pattern : this.patterns) {
			if (pattern.endsWith("xx") ? status.charAt(0) == pattern.charAt(0) : pattern.equals(status)) {
				return true;
			}
		}
		return false;
	}

	/** The set as a PromQL regex on the {@code status} label: {@code 5..|429}. */
	public String regex() {
		return this.patterns.stream().map((pattern) -> pattern.replace("xx", "..")).collect(Collectors.joining("|"));
	}

}
