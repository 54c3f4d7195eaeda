package io.sightline.dashboards;

import java.util.Locale;
import java.util.Objects;

/**
 * How to link to a dashboard: by uid (stable), with the slug Grafana derives from the title (cosmetic: Grafana
 * resolves {@code /d/<uid>/<anything>}).
 *
 * @param uid the dashboard's fixed uid
 * @param title the dashboard's title
 */
public record DashboardRef(String uid, String title) {

	/** The SLO dashboard: sightline-slo-generator builds it with this model from the SLO specs. */
	public static final DashboardRef SLO = new DashboardRef("sightline-slo", "Sightline / SLOs");

	public DashboardRef {
		Objects.requireNonNull(uid, "uid");
		Objects.requireNonNull(title, "title");
		if (!uid.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("not a dashboard uid: " + uid);
		}
	}

	/** Grafana's slug of the title: {@code Sightline / SLOs} is {@code sightline-slos}. */
	public String slug() {
		return this.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	/** {@code /d/<uid>/<slug>} */
	public String path() {
		return "/d/" + this.uid + "/" + slug();
	}

	/**
	 * The path with the dashboard's application selection carried over: every selected value (or All) as its own
	 * {@code var-application} parameter, which a multi-value variable needs ({@code var-application=${application}}
	 * would send {@code {a,b}}, a value the target does not know).
	 */
	public String pathWithApplications() {
		return path() + "?${application:queryparam}";
	}

	/** The path for one application, e.g. {@code ${__field.labels.application}} in a data link. */
	public String pathForApplication(String application) {
		return path() + "?var-application=" + application;
	}

}
