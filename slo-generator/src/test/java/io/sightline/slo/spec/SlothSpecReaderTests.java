package io.sightline.slo.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SlothSpecReaderTests {

	/** The shape of Sloth's own getting-started example, field for field. */
	static final String SLOTH_EXAMPLE = """
			version: "prometheus/v1"
			service: "myservice"
			labels:
			  owner: "myteam"
			  repo: "myorg/myservice"
			  tier: "2"
			slos:
			  - name: "requests-availability"
			    objective: 99.9
			    description: "Common SLO based on availability for HTTP request responses."
			    labels:
			      category: availability
			    sli:
			      events:
			        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
			        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
			    alerting:
			      name: "MyServiceHighErrorRate"
			      labels:
			        category: "availability"
			      annotations:
			        summary: "High error rate on 'myservice' requests responses"
			      page_alert:
			        labels:
			          severity: "pageteam"
			          routing_key: "myteam"
			      ticket_alert:
			        labels:
			          severity: "slack"
			          slack_channel: "#alerts-myteam"
			""";

	@Test
	void readsAnExistingSlothSpecUnchanged() {
		SloSpec spec = SlothSpecReader.read("example.yml", SLOTH_EXAMPLE);
		assertThat(spec.service()).isEqualTo("myservice");
		assertThat(spec.labels()).containsEntry("owner", "myteam").containsEntry("tier", "2");
		SloSpec.Slo slo = spec.slos().get(0);
		assertThat(slo.name()).isEqualTo("requests-availability");
		assertThat(slo.objective().percent()).isEqualTo(99.9);
		assertThat(slo.errorQuery()).contains("code=~\"(5..|429)\"").contains("{{.window}}");
		assertThat(slo.alerting().name()).isEqualTo("MyServiceHighErrorRate");
		assertThat(slo.alerting().pageLabels()).containsEntry("severity", "pageteam");
		assertThat(slo.alerting().ticketLabels()).containsEntry("slack_channel", "#alerts-myteam");
	}

	@Test
	void rawSlisAndDisabledAlerts() {
		SloSpec spec = SlothSpecReader.read("raw.yml", """
				version: prometheus/v1
				service: svc
				slos:
				  - name: latency
				    objective: 99
				    sli:
				      raw:
				        error_ratio_query: 1 - sum(rate(x_bucket{le="0.5"}[{{.window}}])) / sum(rate(x_count[{{.window}}]))
				    alerting:
				      name: SvcSlow
				      ticket_alert:
				        disable: true
				""");
		SloSpec.Slo slo = spec.slos().get(0);
		assertThat(slo.errorRatioQuery()).startsWith("1 - sum");
		assertThat(slo.alerting().ticketLabels()).as("disabled").isNull();
		assertThat(slo.alerting().pageLabels()).isEmpty();
	}

	@Test
	void everyProblemIsReportedWithItsPath() {
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SlothSpecReader.read("bad.yml", """
				version: prometheus/v2
				service: svc
				colour: blue
				slos:
				  - name: a
				    objective: 100
				    sli:
				      events:
				        error_query: sum(rate(errors[5m]))
				        total_query: sum(rate(total[{{.window}}]))
				    alerting:
				      name: A
				  - name: a
				    objective: 99
				    sli:
				      raw:
				        error_ratio_query: x[{{.window}}]
				      events:
				        error_query: y
				        total_query: z
				    alerting:
				      name: A
				      page_alert:
				        severity: page
				""")).satisfies((ex) -> assertThat(ex.problems()).anyMatch((p) -> p.startsWith("version:"))
			.anyMatch((p) -> p.startsWith("colour: unknown field"))
			.anyMatch((p) -> p.startsWith("slos[0].objective:") && p.contains("between 0 and 100"))
			.anyMatch((p) -> p.startsWith("slos[0].sli.events.error_query:") && p.contains("{{.window}}"))
			.anyMatch((p) -> p.startsWith("slos[1].name: duplicate"))
			.anyMatch((p) -> p.startsWith("slos[1].sli: exactly one of events or raw"))
			.anyMatch((p) -> p.startsWith("slos[1].alerting.page_alert.severity: unknown field")))
			.withMessageContaining("bad.yml");
	}

	@Test
	void notYamlAndHostileYamlAreRefused() {
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SlothSpecReader.read("x.yml", "version: [unclosed"))
			.withMessageContaining("not valid YAML");
		// SafeConstructor: no class is ever instantiated from a tag
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SlothSpecReader.read("x.yml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"));
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SlothSpecReader.read("x.yml", "42"))
			.withMessageContaining("(root): a mapping is required");
	}

}
