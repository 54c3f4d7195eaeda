package io.sightline.dashboards;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One PromQL query of a panel. Immutable: the {@code with...} methods return a copy.
 *
 * @param expr the PromQL expression
 * @param legendFormat the series name, e.g. {@code {{application}}}; empty for Grafana's default
 * @param format how Grafana shapes the result
 * @param instant whether it is an instant query (tables, node graphs) instead of a range query
 * @param exemplar whether Grafana also fetches the exemplars (trace ids) of the series
 * @param refId the query's id within the panel, or {@code null} to number it A, B, C... in the panel
 */
public record Target(String expr, String legendFormat, Format format, boolean instant, boolean exemplar,
		String refId) {

	/** Grafana's result formats for Prometheus queries. */
	public enum Format {

		/** One series per label set. */
		TIME_SERIES("time_series"),

		/** One row per series, one column per label and the value. */
		TABLE("table"),

		/** Histogram buckets (by {@code le}) de-accumulated for the heatmap panel. */
		HEATMAP("heatmap");

		private final String json;

		Format(String json) {
			this.json = json;
		}

		String json() {
			return this.json;
		}

	}

	public Target {
		Objects.requireNonNull(expr, "expr");
		Objects.requireNonNull(legendFormat, "legendFormat");
		Objects.requireNonNull(format, "format");
		if (expr.isBlank()) {
			throw new IllegalArgumentException("a target needs an expression");
		}
	}

	/** A range query drawn as time series, named by the legend. */
	public static Target of(String expr, String legendFormat) {
		return new Target(expr, legendFormat, Format.TIME_SERIES, false, false, null);
	}

	/** An instant query shaped as a table (one row per series): tables and node graphs. */
	public static Target table(String expr) {
		return new Target(expr, "", Format.TABLE, true, false, null);
	}

	/** The buckets of a histogram for the heatmap panel: {@code sum by (le) (increase(..._bucket[...]))}. */
	public static Target heatmap(String expr) {
		return new Target(expr, "{{le}}", Format.HEATMAP, false, false, null);
	}

	public Target withRefId(String refId) {
		return new Target(this.expr, this.legendFormat, this.format, this.instant, this.exemplar, refId);
	}

	/** Also fetch exemplars: the trace ids Micrometer attached to the buckets, linked to Zipkin by Grafana. */
	public Target withExemplars() {
		return new Target(this.expr, this.legendFormat, this.format, this.instant, true, this.refId);
	}

	ObjectNode toJson(String refId) {
		ObjectNode target = Json.object();
		target.set("datasource", Datasource.prometheus());
		target.put("editorMode", "code");
		target.put("exemplar", this.exemplar);
		target.put("expr", this.expr);
		target.put("format", this.format.json());
		target.put("instant", this.instant);
		target.put("legendFormat", this.legendFormat.isEmpty() ? "__auto" : this.legendFormat);
		target.put("range", !this.instant);
		target.put("refId", refId);
		return target;
	}

}
