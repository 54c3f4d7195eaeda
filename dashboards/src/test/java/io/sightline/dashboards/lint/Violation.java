package io.sightline.dashboards.lint;

/**
 * One broken rule.
 * @param dashboard the dashboard file (or uid)
 * @param where the panel, target, variable or annotation ({@code -} for the dashboard itself)
 * @param rule the rule's name (dashboard-linter's name where it has one)
 * @param message what is wrong
 */
public record Violation(String dashboard, String where, String rule, String message) {

	@Override
	public String toString() {
		return "[" + this.rule + "] " + this.dashboard + " › " + this.where + ": " + this.message;
	}

}
