package io.sightline.dashboards;

import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/**
 * A template variable: the data source, or a {@code label_values(<metric>{...}, <label>)} query, the only kind
 * of query variable these dashboards use (the live test resolves variables that way).
 *
 * @param name the name panels refer to, as {@code $name}
 * @param label what Grafana shows beside the picker
 * @param query the data source type (for the data source variable) or the {@code label_values} query
 * @param multi whether several values can be picked, and {@code includeAll} with it
 * @param datasource whether this is the data source variable
 * @param defaultUid the data source variable's initial pick, or {@code null} for Grafana's default data source
 * @param allValue what {@code All} stands for in the queries, or {@code null} for every value joined as a regex
 * @param regex the filter of a query's values ({@code /^(a|b)$/}), or empty for all of them
 */
public record Variable(String name, String label, String query, boolean multi, boolean datasource,
		String defaultUid, String allValue, String regex) {

	/** {@code label_values(metric{matchers}, label)}: group 1 is the series selector, group 2 the label. */
	static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

	public Variable {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(regex, "regex");
		if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
			throw new IllegalArgumentException("not a variable name: " + name);
		}
		if (!datasource && !LABEL_VALUES.matcher(query).matches()) {
			throw new IllegalArgumentException("variable " + name
					+ ": only label_values(<metric>{...}, <label>) queries are allowed, was " + query);
		}
	}

	/** The Prometheus data source picker, {@code $datasource}, defaulting to the provisioned uid. */
	public static Variable prometheus() {
		return new Variable(Datasource.VARIABLE, "Data source", Datasource.TYPE, false, true, Datasource.DEFAULT_UID,
				null, "");
	}

	/** The Prometheus data source picker, {@code $datasource}, starting on Grafana's default Prometheus. */
	public static Variable anyPrometheus() {
		return new Variable(Datasource.VARIABLE, "Data source", Datasource.TYPE, false, true, null, null, "");
	}

	/** Every application that reports a release: {@code $application}, several or All. */
	public static Variable application() {
		return query("application", "Application", "label_values(sightline_release_info, application)");
	}

	/** The instances of the chosen applications: {@code $instance}, several or All. */
	public static Variable instance() {
		return query("instance", "Instance",
				"label_values(sightline_release_info{application=~\"$application\"}, instance)");
	}

	/** A multi-value variable with All from a {@code label_values} query. */
	public static Variable query(String name, String label, String labelValuesQuery) {
		return new Variable(name, label, labelValuesQuery, true, false, null, null, "");
	}

	/** This variable with {@code All} standing for {@code allValue} (inserted into the queries as written). */
	public Variable withAllValue(String allValue) {
		return new Variable(this.name, this.label, this.query, this.multi, this.datasource, this.defaultUid,
				Objects.requireNonNull(allValue, "allValue"), this.regex);
	}

	/** This variable offering only the values the regex matches, e.g. {@code /^(a|b)$/}. */
	public Variable withRegex(String regex) {
		return new Variable(this.name, this.label, this.query, this.multi, this.datasource, this.defaultUid,
				this.allValue, regex);
	}

	ObjectNode toJson() {
		return this.datasource ? datasourceJson() : queryJson();
	}

	private ObjectNode datasourceJson() {
		ObjectNode variable = Json.object();
		ObjectNode current = variable.putObject("current");
		if (this.defaultUid != null) {
			current.put("selected", true);
			current.put("text", "Prometheus");
			current.put("value", this.defaultUid);
		}
		variable.put("hide", 0);
		variable.put("includeAll", false);
		variable.put("label", this.label);
		variable.put("multi", false);
		variable.put("name", this.name);
		variable.putArray("options");
		variable.put("query", this.query);
		variable.put("refresh", 1);
		variable.put("regex", this.regex);
		variable.put("skipUrlSync", false);
		variable.put("type", "datasource");
		return variable;
	}

	private ObjectNode queryJson() {
		ObjectNode variable = Json.object();
		if (this.allValue != null) {
			variable.put("allValue", this.allValue);
		}
		ObjectNode current = variable.putObject("current");
		current.put("selected", true);
		current.putArray("text").add("All");
		current.putArray("value").add("$__all");
		variable.set("datasource", Datasource.prometheus());
		variable.put("definition", this.query);
		variable.put("hide", 0);
		variable.put("includeAll", this.multi);
		variable.put("label", this.label);
		variable.put("multi", this.multi);
		variable.put("name", this.name);
		variable.putArray("options");
		ObjectNode query = variable.putObject("query");
		query.put("qryType", 1);
		query.put("query", this.query);
		query.put("refId", "PrometheusVariableQueryEditor-VariableQuery");
		// on time range change: applications and instances come and go with releases
		variable.put("refresh", 2);
		variable.put("regex", this.regex);
		variable.put("skipUrlSync", false);
		variable.put("sort", 1);
		variable.put("type", "query");
		return variable;
	}

}
