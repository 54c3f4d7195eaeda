package io.sightline.dashboards;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * A link: a dashboard link in the dashboard's header, or a data link on a panel's values.
 *
 * @param title the link's text
 * @param url the URL; Grafana interpolates variables in it
 * @param tooltip the dashboard link's tooltip (data links have none)
 */
public record Link(String title, String url, String tooltip) {

	public Link {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(tooltip, "tooltip");
	}

	/** A header link to another dashboard, carrying the application selection and the time range. */
	public static Link to(DashboardRef dashboard, String tooltip) {
		return new Link(dashboard.title().replaceFirst("^Sightline / ", ""), dashboard.pathWithApplications(),
				tooltip);
	}

	/** A data link from a series or cell of one application to another dashboard for that application. */
	public static Link data(String title, DashboardRef dashboard, String application) {
		return new Link(title, dashboard.pathForApplication(application) + "&${__url_time_range}", "");
	}

	ObjectNode dashboardLinkJson() {
		ObjectNode link = Json.object();
		link.put("asDropdown", false);
		link.put("icon", "dashboard");
		link.put("includeVars", false);
		link.put("keepTime", true);
		link.putArray("tags");
		link.put("targetBlank", false);
		link.put("title", this.title);
		link.put("tooltip", this.tooltip);
		link.put("type", "link");
		link.put("url", this.url);
		return link;
	}

	ObjectNode dataLinkJson() {
		ObjectNode link = Json.object();
		link.put("targetBlank", false);
		link.put("title", this.title);
		link.put("url", this.url);
		return link;
	}

}
