package io.sightline.it.support;

/**
 * The one switch of the drift tests. Each committed generated file (docs/configuration.md, the Grafana
 * dashboards, the SLO rules and promtool tests, the generated files under deploy/) has a test that fails while
 * the file differs from what its sources give; with {@code -Dsightline.regenerate=true} the same test first
 * rewrites the file. {@link #COMMAND} runs exactly those tests, in build order, so that a file generated from
 * another generated file (the Kubernetes PrometheusRules from the SLO rules) is rewritten after its source.
 *
 * <p>Not part of it: the golden files of the generators' own tests ({@code -Dsightline.golden.write=true}),
 * which record what the generator produces for fixed inputs and are rewritten only on purpose, and the tables
 * of docs/reliability.md ({@code -Dsightline.reliability.write=true}), which are measured by a long run.
 */
public final class Regenerate {

	/** The system property that makes the drift tests rewrite their files. */
	public static final String PROPERTY = "sightline.regenerate";

	/** Rewrites every generated file from its sources; shown by each drift test when it fails. */
	public static final String COMMAND = "./mvnw -pl starter,dashboards,slo-generator,deploy-generator -am test -D"
			+ PROPERTY + "=true -Dtest='ConfigurationReferenceTests,DashboardFilesTests,SloRuleGeneratorTests,"
			+ "DeployFilesTests' -Dsurefire.failIfNoSpecifiedTests=false";

	private Regenerate() {
	}

	/** Whether this run rewrites the generated files instead of only comparing them. */
	public static boolean requested() {
		return Boolean.getBoolean(PROPERTY);
	}

}
