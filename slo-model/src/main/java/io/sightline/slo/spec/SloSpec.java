package io.sightline.slo.spec;

import java.util.List;
import java.util.Map;

import io.sightline.slo.Objective;
import io.sightline.slo.Sli;

/**
 * One service's SLOs, as Sloth's {@code prometheus/v1} spec or Sightline's {@code sightline/v1}
 * shorthand describes them.
 *
 * @param version the spec's version
 * @param service the service the SLOs belong to
 * @param labels labels added to every generated series and alert
 * @param slos the SLOs
 */
public record SloSpec(String version, String service, Map<String, String> labels, List<Slo> slos) {

	/**
	 * @param name unique within the service
	 * @param objective e.g. 99.9
	 * @param description free text, may be null
	 * @param sli what is measured
	 * @param labels labels of this SLO
	 * @param alerting how its alerts are named and labelled
	 * @param intervals Sloth's {@code interval}: how often Prometheus evaluates each rule group
	 */
	public record Slo(String name, Objective objective, String description, Sli sli, Map<String, String> labels,
			Alerting alerting, Intervals intervals) {

		public Slo(String name, Objective objective, String description, Sli sli, Map<String, String> labels,
				Alerting alerting) {
			this(name, objective, description, sli, labels, alerting, Intervals.DEFAULT);
		}

	}

	/**
	 * Evaluation intervals of an SLO's three rule groups, as Prometheus durations ({@code 2m}); null
	 * leaves a group at Prometheus' global evaluation interval.
	 */
	public record Intervals(String sliErrors, String metadata, String alerts) {

		public static final Intervals DEFAULT = new Intervals(null, null, null);

	}

	/**
	 * @param name alert name; the page and ticket alerts share it, told apart by their labels
	 * @param labels labels of both alerts
	 * @param annotations annotations of both alerts
	 * @param pageLabels extra labels of the page alert, null when disabled
	 * @param ticketLabels extra labels of the ticket alert, null when disabled
	 */
	public record Alerting(String name, Map<String, String> labels, Map<String, String> annotations,
			Map<String, String> pageLabels, Map<String, String> ticketLabels) {

	}

	/** Sloth's id of an SLO: {@code <service>-<slo>}. */
	public String id(Slo slo) {
		return this.service + "-" + slo.name();
	}

}
