package io.sightline.slo.spec;

import io.sightline.slo.Sli;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SloSpecReaderTests {

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
		SloSpec spec = SloSpecReader.read("example.yml", SLOTH_EXAMPLE);
		assertThat(spec.service()).isEqualTo("myservice");
		assertThat(spec.labels()).containsEntry("owner", "myteam").containsEntry("tier", "2");
		SloSpec.Slo slo = spec.slos().get(0);
		assertThat(slo.name()).isEqualTo("requests-availability");
		assertThat(slo.objective().percent()).isEqualTo(99.9);
		assertThat(((Sli.Events) slo.sli()).errorQuery()).contains("code=~\"(5..|429)\"").contains("{{.window}}");
		assertThat(slo.alerting().name()).isEqualTo("MyServiceHighErrorRate");
		assertThat(slo.alerting().pageLabels()).containsEntry("severity", "pageteam");
		assertThat(slo.alerting().ticketLabels()).containsEntry("slack_channel", "#alerts-myteam");
	}

	@Test
	void rawSlisAndDisabledAlerts() {
		SloSpec spec = SloSpecReader.read("raw.yml", """
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
		assertThat(((Sli.Raw) slo.sli()).errorRatioQuery()).startsWith("1 - sum");
		assertThat(slo.alerting().ticketLabels()).as("disabled").isNull();
		assertThat(slo.alerting().pageLabels()).isEmpty();
	}

	@Test
	void everyProblemIsReportedWithItsPath() {
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("bad.yml", """
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
			.anyMatch((p) -> p.startsWith("slos[1].sli: exactly one of events, raw is required"))
			.anyMatch((p) -> p.startsWith("slos[1].alerting.page_alert.severity: unknown field")))
			.withMessageContaining("bad.yml");
	}

	@Test
	void sightlineShorthandsOnTheServicesOwnMeters() {
		SloSpec spec = SloSpecReader.read("gateway.yml", """
				version: sightline/v1
				service: gateway
				slos:
				  - name: availability
				    objective: 99.9
				    sli:
				      http_availability:
				        uris: [/api/orders, "/api/orders/{id}"]
				        error_statuses: [5xx, 429]
				  - name: latency
				    objective: 99
				    sli:
				      http_latency:
				        threshold: 500ms
				        methods: [get]
				  - name: saga
				    objective: 99.5
				    sli:
				      counter:
				        name: orders.saga.completed
				        error_tags:
				          outcome: [timed_out]
				    alerting:
				      name: SagaFailing
				""");
		Sli.HttpAvailability availability = (Sli.HttpAvailability) spec.slos().get(0).sli();
		assertThat(availability.requests().matches("/api/orders/{id}", "GET")).isTrue();
		assertThat(availability.requests().matches("/api/catalog", "GET")).isFalse();
		assertThat(availability.errorStatuses().contains("503")).isTrue();
		assertThat(availability.errorStatuses().contains("429")).isTrue();
		assertThat(availability.errorStatuses().contains("404")).isFalse();
		assertThat(availability.errorStatuses().regex()).isEqualTo("5..|429");
		assertThat(spec.slos().get(0).alerting().name()).as("default alert name").isEqualTo("GatewayAvailabilityBudgetBurn");

		Sli.HttpLatency latency = (Sli.HttpLatency) spec.slos().get(1).sli();
		assertThat(latency.threshold()).isEqualTo(java.time.Duration.ofMillis(500));
		assertThat(latency.bucketLabel()).isEqualTo("0.5");
		assertThat(latency.requests().matches("/anything", "GET")).isTrue();
		assertThat(latency.requests().matches("/actuator/health", "GET")).as("actuator never counts").isFalse();
		assertThat(latency.requests().matches("/anything", "POST")).isFalse();

		Sli.CounterRatio saga = (Sli.CounterRatio) spec.slos().get(2).sli();
		assertThat(saga.prometheusName()).isEqualTo("orders_saga_completed_total");
		assertThat(saga.isError(java.util.Map.of("outcome", "timed_out")::get)).isTrue();
		assertThat(saga.isError(java.util.Map.of("outcome", "confirmed")::get)).isFalse();
		assertThat(spec.slos().get(2).alerting().name()).isEqualTo("SagaFailing");
	}

	@Test
	void shorthandProblemsNameTheirField() {
		String spec = gatewayLatencySpec("""
				threshold: 300ms
				colour: red
				""") + """
				  - name: availability
				    objective: 99.9
				    sli:
				      http_availability:
				        error_statuses: [5xx, teapot]
				  - name: counted
				    objective: 99
				    sli:
				      counter:
				        name: "orders saga"
				        error_tags: {}
				""";
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("bad.yml", spec))
			.satisfies((ex) -> assertThat(ex.problems())
			.anyMatch((p) -> p.startsWith("slos[0].sli.http_latency.threshold: 300ms is not a latency bucket")
					&& p.contains("500ms") && p.contains("sightline.metrics.slo-buckets"))
			.anyMatch((p) -> p.startsWith("slos[0].sli.http_latency.colour: unknown field"))
			.anyMatch((p) -> p.startsWith("slos[1].sli.http_availability.error_statuses:") && p.contains("teapot"))
			.anyMatch((p) -> p.startsWith("slos[2].sli.counter.name:"))
			.anyMatch((p) -> p.startsWith("slos[2].sli.counter.error_tags:")));
	}

	@Test
	void shorthandsNeedTheSightlineVersion() {
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("sloth.yml", """
				version: prometheus/v1
				service: gateway
				slos:
				  - name: availability
				    objective: 99.9
				    sli:
				      http_availability: {}
				    alerting:
				      name: A
				""")).satisfies((ex) -> assertThat(ex.problems())
			.anyMatch((p) -> p.startsWith("slos[0].sli.http_availability: unknown field")));
	}

	@Test
	void customBucketsDecideWhichThresholdsAreValid() {
		String spec = gatewayLatencySpec("threshold: 0.3");
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("a.yml", spec));
		assertThat(SloSpecReader.read("a.yml", spec, java.util.List.of(java.time.Duration.ofMillis(300))).slos())
			.hasSize(1);
	}

	@Test
	void notYamlAndHostileYamlAreRefused() {
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("x.yml", "version: [unclosed"))
			.withMessageContaining("not valid YAML");
		// SafeConstructor: no class is ever instantiated from a tag
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("x.yml", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"));
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("x.yml", "42"))
			.withMessageContaining("(root): a mapping is required");
	}


	static final String TWO_DOCUMENTS = """
			version: prometheus/v1
			service: orders
			slos:
			  - name: availability
			    objective: 99.9
			    sli:
			      raw:
			        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))
			    alerting:
			      name: OrdersAvailability
			---
			version: prometheus/v1
			service: payments
			slos:
			  - name: availability
			    objective: 99.5
			    sli:
			      raw:
			        error_ratio_query: sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))
			    alerting:
			      name: PaymentsAvailability
			---
			""";

	@Test
	void severalSpecsInOneFileAsInSloth() {
		List<SloSpec> specs = SloSpecReader.readAll("both.yml", TWO_DOCUMENTS, io.sightline.slo.SloBuckets.HTTP_DEFAULT);
		assertThat(specs).extracting(SloSpec::service).containsExactly("orders", "payments");
		// the starter reads one service's spec
		assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> SloSpecReader.read("both.yml", TWO_DOCUMENTS))
			.withMessageContaining("holds 2 specs");
	}

	@Test
	void problemsNameTheirDocumentAndLine() {
		String broken = TWO_DOCUMENTS.replace("objective: 99.5", "objective: 101").replace("      name: PaymentsAvailability\n", "      labels: {}\n");
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.readAll("both.yml", broken, io.sightline.slo.SloBuckets.HTTP_DEFAULT))
			.satisfies((ex) -> assertThat(ex.problems())
				.anyMatch((p) -> p.startsWith("slos[0].objective:") && p.endsWith("(document 2, line 16)"))
				// missing: reported at the line of its parent
				.anyMatch((p) -> p.startsWith("slos[0].alerting.name: required") && p.endsWith("(document 2, line 20)"))
				.noneMatch((p) -> p.contains("document 1")));
		assertThatExceptionOfType(InvalidSpecException.class)
			.isThrownBy(() -> SloSpecReader.read("one.yml", "version: prometheus/v1\nservice: x\nslos: []\n"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("slos: must be a non-empty list (line 3)"));
	}

	/**
	 * A sightline/v1 spec of the gateway whose first SLO, latency at 99, has the given lines under its
	 * {@code http_latency}; more SLOs may be appended.
	 */
	private static String gatewayLatencySpec(String httpLatency) {
		return """
				version: sightline/v1
				service: gateway
				slos:
				  - name: latency
				    objective: 99
				    sli:
				      http_latency:
				""" + httpLatency.indent(8);
	}

}
