package io.sightline.dashboards;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header links between the dashboards: every dashboard links to every other one (and to the generated SLO
 * dashboard), carrying the application selection and the time range.
 */
final class Navigation {

	/** Every dashboard, in menu order, with what it is for. */
	private static final Map<DashboardRef, String> DASHBOARDS = new LinkedHashMap<>();

	static {
		DASHBOARDS.put(OverviewDashboard.REF, "Every service at a glance: traffic, errors, latency, SLOs, alerts");
		DASHBOARDS.put(ServiceDashboard.REF, "One service in depth: endpoints, dependencies, Kafka, logs, releases");
		DASHBOARDS.put(ServiceMapDashboard.REF, "Who calls whom, how often, how well");
		DASHBOARDS.put(KafkaSagaDashboard.REF, "Kafka traffic, consumer lag and the order saga's outcomes");
		DASHBOARDS.put(ResilienceDashboard.REF, "Circuit breakers, retries and timeouts");
		DASHBOARDS.put(JvmDashboard.REF, "Memory, GC, threads, CPU of the JVMs");
		DASHBOARDS.put(TelemetryDashboard.REF, "Is the telemetry itself complete? Drops, queues, scrapes");
		DASHBOARDS.put(DashboardRef.SLO, "Error budgets and burn rates of the SLOs");
	}

	private Navigation() {
	}

	/** Links the dashboard to all the others. */
	static Dashboard.Builder links(Dashboard.Builder builder, DashboardRef self) {
		DASHBOARDS.forEach((ref, tooltip) -> {
			if (!ref.equals(self)) {
				builder.link(Link.to(ref, tooltip));
			}
		});
		return builder;
	}

	/** A data link from a series labelled {@code application} to that service's detail dashboard. */
	static Link serviceDetail() {
		return Link.data("${__field.labels.application}: service detail", ServiceDashboard.REF,
				"${__field.labels.application}");
	}

}
