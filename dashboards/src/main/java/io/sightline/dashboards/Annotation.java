package io.sightline.dashboards;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * A Prometheus annotation query: an event on every time series panel wherever the expression has a value.
 *
 * @param name the annotation's name in the dashboard's toggles
 * @param expr the PromQL expression; every step where it has a value becomes an event
 * @param iconColor the colour of the markers
 * @param titleFormat the event's title, with {@code {{label}}} placeholders
 * @param textFormat the event's text, with {@code {{label}}} placeholders
 * @param tagKeys the labels that become the event's tags, comma-separated
 * @param step the query's resolution, e.g. {@code 30s}
 */
public record Annotation(String name, String expr, String iconColor, String titleFormat, String textFormat,
		String tagKeys, String step) {

	/** An annotation queried every 30 s, the dashboards' refresh. */
	public Annotation(String name, String expr, String iconColor, String titleFormat, String textFormat,
			String tagKeys) {
		this(name, expr, iconColor, titleFormat, textFormat, tagKeys, "30s");
	}

	public Annotation {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(expr, "expr");
		Objects.requireNonNull(iconColor, "iconColor");
		Objects.requireNonNull(titleFormat, "titleFormat");
		Objects.requireNonNull(textFormat, "textFormat");
		Objects.requireNonNull(tagKeys, "tagKeys");
		Objects.requireNonNull(step, "step");
	}

	/**
	 * A marker where a release starts running on an instance.
	 *
	 * <p>
	 * {@code changes(sightline_release_info[...]) > 0} cannot find releases: the info metric is always 1, and a
	 * new release is a new series (a new {@code release_id} label), whose own value never changes. So the query
	 * is the series' first appearance instead: present now, absent one rate interval ago. A restart of the same
	 * release on the same instance after more than the staleness window shows up too, which is worth a marker as
	 * well.
	 */
	public static Annotation releases(String matchers) {
		String info = "sightline_release_info{" + matchers + "}";
		return new Annotation("Releases", info + " unless " + info + " offset $__rate_interval", "blue",
				"Release {{release_id}}", "{{application}} {{version}} started on {{instance}} ({{env}})",
				"application,release_id");
	}

	/** This annotation queried at another resolution. */
	public Annotation withStep(String step) {
		return new Annotation(this.name, this.expr, this.iconColor, this.titleFormat, this.textFormat, this.tagKeys,
				step);
	}

	ObjectNode toJson() {
		ObjectNode annotation = Json.object();
		annotation.set("datasource", Datasource.prometheus());
		annotation.put("enable", true);
		annotation.put("expr", this.expr);
		annotation.put("hide", false);
		annotation.put("iconColor", this.iconColor);
		annotation.put("name", this.name);
		annotation.put("step", this.step);
		annotation.put("tagKeys", this.tagKeys);
		annotation.put("textFormat", this.textFormat);
		annotation.put("titleFormat", this.titleFormat);
		annotation.put("useValueForTime", false);
		return annotation;
	}

}
