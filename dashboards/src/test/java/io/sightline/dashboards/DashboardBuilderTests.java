package io.sightline.dashboards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DashboardBuilderTests {

	static final DashboardRef REF = new DashboardRef("sightline-test", "Sightline / Test");

	// ---- layout

	@Test
	void layoutPacksRandomPanelsWithoutOverlap() {
		Random random = new Random(42);
		for (int run = 0; run < 200; run++) {
			Layout layout = new Layout();
			List<GridPos> places = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				GridPos place = (random.nextInt(8) == 0) ? layout.row()
						: layout.place(1 + random.nextInt(24), 1 + random.nextInt(12));
				for (GridPos other : places) {
					assertThat(place.overlaps(other)).as("run %d: %s overlaps %s", run, place, other).isFalse();
				}
				places.add(place);
			}
		}
	}

	@Test
	void layoutFillsALineThenWrapsBelowItsHighestPanel() {
		Layout layout = new Layout();
		assertThat(layout.place(12, 8)).isEqualTo(new GridPos(0, 0, 12, 8));
		assertThat(layout.place(8, 5)).isEqualTo(new GridPos(12, 0, 8, 5));
		// 4 columns left: a 6-wide panel goes below the highest panel of the line
		assertThat(layout.place(6, 3)).isEqualTo(new GridPos(0, 8, 6, 3));
		assertThat(layout.row()).isEqualTo(new GridPos(0, 11, 24, 1));
		assertThat(layout.place(24, 2)).isEqualTo(new GridPos(0, 12, 24, 2));
		assertThat(layout.row()).isEqualTo(new GridPos(0, 14, 24, 1));
		assertThat(layout.row()).isEqualTo(new GridPos(0, 15, 24, 1));
	}

	@Test
	void overlapIsDetected() {
		GridPos a = new GridPos(0, 0, 12, 8);
		assertThat(a.overlaps(new GridPos(11, 7, 2, 2))).isTrue();
		assertThat(new GridPos(11, 7, 2, 2).overlaps(a)).isTrue();
		assertThat(a.overlaps(new GridPos(12, 0, 12, 8))).isFalse();
		assertThat(a.overlaps(new GridPos(0, 8, 24, 1))).isFalse();
		assertThat(a.overlaps(new GridPos(4, 2, 2, 2))).isTrue();
	}

	@Test
	void gridPositionsStayOnTheGrid() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GridPos(20, 0, 8, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Layout().place(25, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> panel("x").size(0, 1));
	}

	// ---- dashboard

	@Test
	void panelsAndRowsAreNumberedInOrderAndPlacedOnTheGrid() {
		ObjectNode json = Dashboard.builder(REF)
			.description("test")
			.row("First")
			.panels(panel("a").size(12, 4), panel("b").size(12, 4), panel("c").size(24, 6))
			.row("Second")
			.panel(panel("d"))
			.build()
			.toJson();
		List<String> titles = new ArrayList<>();
		List<Integer> ids = new ArrayList<>();
		List<String> places = new ArrayList<>();
		for (JsonNode panel : json.get("panels")) {
			titles.add(panel.get("title").asString());
			ids.add(panel.get("id").asInt());
			JsonNode pos = panel.get("gridPos");
			places.add(pos.get("x").asInt() + "," + pos.get("y").asInt() + " " + pos.get("w").asInt() + "x"
					+ pos.get("h").asInt());
		}
		assertThat(titles).containsExactly("First", "a", "b", "c", "Second", "d");
		assertThat(ids).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(places).containsExactly("0,0 24x1", "0,1 12x4", "12,1 12x4", "0,5 24x6", "0,11 24x1", "0,12 8x8");
	}

	@Test
	void idsAreUniqueInALargeDashboard() {
		Dashboard.Builder builder = Dashboard.builder(REF).description("test");
		for (int i = 0; i < 50; i++) {
			if (i % 7 == 0) {
				builder.row("row " + i);
			}
			builder.panel(panel("panel " + i).size(1 + (i * 5) % 24, 1 + i % 9));
		}
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : builder.build().toJson().get("panels")) {
			assertThat(ids.add(panel.get("id").asInt())).isTrue();
		}
		assertThat(ids).hasSize(58);
	}

	@Test
	void everyDashboardHasTheStandardVariablesFirst() {
		JsonNode variables = Dashboard.builder(REF)
			.description("test")
			.variable(Variable.query("uri", "URI", "label_values(http_server_requests_seconds_count{application=~\"$application\"}, uri)"))
			.panel(panel("a"))
			.build()
			.toJson()
			.get("templating")
			.get("list");
		assertThat(variables).hasSize(4);
		JsonNode datasource = variables.get(0);
		assertThat(datasource.get("name").asString()).isEqualTo("datasource");
		assertThat(datasource.get("type").asString()).isEqualTo("datasource");
		assertThat(datasource.get("query").asString()).isEqualTo("prometheus");
		assertThat(datasource.get("current").get("value").asString()).isEqualTo("prometheus");
		JsonNode application = variables.get(1);
		assertThat(application.get("definition").asString()).isEqualTo("label_values(sightline_release_info, application)");
		assertThat(application.get("multi").asBoolean()).isTrue();
		assertThat(application.get("includeAll").asBoolean()).isTrue();
		assertThat(variables.get(2).get("query").get("query").asString())
			.isEqualTo("label_values(sightline_release_info{application=~\"$application\"}, instance)");
		assertThat(variables.get(3).get("name").asString()).isEqualTo("uri");
	}

	@Test
	void rejectsWhatTheConventionsForbid() {
		assertThatIllegalArgumentException().isThrownBy(() -> Dashboard.builder(new DashboardRef("x", " ")));
		assertThatIllegalStateException().isThrownBy(() -> Dashboard.builder(REF).panel(panel("a")).build())
			.withMessageContaining("description");
		assertThatIllegalStateException()
			.isThrownBy(() -> Dashboard.builder(REF).description("d").panels(panel("a"), panel("a")).build())
			.withMessageContaining("two panels");
		assertThatIllegalStateException()
			.isThrownBy(() -> Dashboard.builder(REF).description("d").panel(Panel.stat("s").unit("s").target("up", "")).build())
			.withMessageContaining("description");
		assertThatIllegalStateException()
			.isThrownBy(() -> Dashboard.builder(REF).description("d").panel(Panel.stat("s").description("d").target("up", "")).build())
			.withMessageContaining("unit");
		assertThatIllegalArgumentException().isThrownBy(() -> Variable.query("v", "V", "query_result(up)"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Dashboard.builder(REF).variable(Variable.query("instance", "I", "label_values(up, instance)")));
	}

	@Test
	void rendersSortedKeysTwoSpacesAndATrailingNewline() {
		String json = Dashboard.builder(REF).description("test").panel(panel("a")).build().render();
		assertThat(json).startsWith("{\n  \"annotations\": {\n    \"list\": []\n  },\n  \"description\": \"test\",")
			.endsWith("\n}\n");
		assertThat(json.lastIndexOf("\"uid\": \"sightline-test\"")).isGreaterThan(json.indexOf("\"title\": \"Sightline / Test\""));
	}

	// ---- panels and targets

	@Test
	void panelJsonCarriesTheDatasourceUnitAndQueries() {
		ObjectNode json = Panel.timeseries("Requests")
			.description("How many?")
			.unit("reqps")
			.target(PromqlQueries.sumRate("application", PromqlQueries.svc("http_server_requests_seconds_count")), "{{application}}")
			.target(Target.table("up").withRefId("nodes"))
			.toJson(7, new GridPos(0, 0, 8, 8));
		assertThat(json.get("id").asInt()).isEqualTo(7);
		assertThat(json.get("datasource").toString()).isEqualTo("{\"type\":\"prometheus\",\"uid\":\"${datasource}\"}");
		assertThat(json.get("fieldConfig").get("defaults").get("unit").asString()).isEqualTo("reqps");
		JsonNode first = json.get("targets").get(0);
		assertThat(first.get("refId").asString()).isEqualTo("A");
		assertThat(first.get("datasource").get("uid").asString()).isEqualTo("${datasource}");
		assertThat(first.get("expr").asString()).isEqualTo("sum by (application) (rate(http_server_requests_seconds_count"
				+ "{application=~\"$application\", instance=~\"$instance\"}[$__rate_interval]))");
		JsonNode second = json.get("targets").get(1);
		assertThat(second.get("refId").asString()).isEqualTo("nodes");
		assertThat(second.get("format").asString()).isEqualTo("table");
		assertThat(second.get("instant").asBoolean()).isTrue();
	}

	@Test
	void duplicateRefIdsAreRejected() {
		Panel panel = panel("a").target(Target.of("up", "").withRefId("A"));
		assertThatIllegalStateException().isThrownBy(() -> panel.toJson(1, new GridPos(0, 0, 1, 1)))
			.withMessageContaining("two queries A");
	}

	@Test
	void incidentOnlyPanelsEndWithTheMarker() {
		Panel panel = panel("alerts").incidentOnly(Fault.SAGA_TIMEOUT);
		assertThat(panel.fullDescription()).isEqualTo("What is alerts? Incident-only: saga-timeout.");
		assertThat(panel("b").fullDescription()).doesNotContain("Incident-only");
	}

	@Test
	void exemplarsAndHeatmapsAreFlaggedOnTheTarget() {
		ObjectNode exemplar = Target.of("x", "").withExemplars().toJson("A");
		assertThat(exemplar.get("exemplar").asBoolean()).isTrue();
		assertThat(Target.of("x", "").toJson("A").get("exemplar").asBoolean()).isFalse();
		ObjectNode heatmap = Target.heatmap("sum by (le) (x)").toJson("A");
		assertThat(heatmap.get("format").asString()).isEqualTo("heatmap");
		assertThat(heatmap.get("legendFormat").asString()).isEqualTo("{{le}}");
	}

	@Test
	void overridesGroupPropertiesByField() {
		ObjectNode json = panel("t").override("p95", "unit", "s").override("p95", "decimals", 2)
			.overrideQuery("B", "unit", "bytes")
			.toJson(1, new GridPos(0, 0, 8, 8));
		JsonNode overrides = json.get("fieldConfig").get("overrides");
		assertThat(overrides).hasSize(2);
		assertThat(overrides.get(0).get("matcher").get("options").asString()).isEqualTo("p95");
		assertThat(overrides.get(0).get("properties")).hasSize(2);
		assertThat(overrides.get(1).get("matcher").get("id").asString()).isEqualTo("byFrameRefID");
	}

	// ---- PromQL and links

	@Test
	void ratiosAreZeroInsteadOfEmptyWhenNothingFailed() {
		assertThat(PromqlQueries.ratio("uri", "c{s=\"5\"}", "c{}"))
			.isEqualTo("(sum by (uri) (rate(c{s=\"5\"}[$__rate_interval])) or 0 * sum by (uri) (rate(c{}[$__rate_interval])))"
					+ " / sum by (uri) (rate(c{}[$__rate_interval]))");
		assertThat(PromqlQueries.quantile("0.95", "", "b{}"))
			.isEqualTo("histogram_quantile(0.95, sum by (le) (rate(b{}[$__rate_interval])))");
	}

	@Test
	void linksUseTheUidAndCarryTheApplications() {
		assertThat(DashboardRef.SLO.path()).isEqualTo("/d/sightline-slo/sightline-slos");
		assertThat(ServiceDashboard.REF.path()).isEqualTo("/d/sightline-service/sightline-service");
		assertThat(Link.to(JvmDashboard.REF, "tip").dashboardLinkJson().get("url").asString())
			.isEqualTo("/d/sightline-jvm/sightline-jvm?${application:queryparam}");
		assertThat(Navigation.serviceDetail().url())
			.startsWith("/d/sightline-service/sightline-service?var-application=${__field.labels.application}");
	}

	@Test
	void releaseAnnotationFindsNewSeriesNotChangedValues() {
		String expr = Annotation.releases(PromqlQueries.APPLICATION).expr();
		assertThat(expr).isEqualTo("sightline_release_info{application=~\"$application\"} unless "
				+ "sightline_release_info{application=~\"$application\"} offset $__rate_interval");
	}

	@Test
	void aCollapsedRowHoldsItsPanelsAndTheNextRowFollowsRightBelowIt() {
		JsonNode panels = Dashboard.builder(REF)
			.description("d")
			.row("Open")
			.panel(panel("a").size(24, 5))
			.collapsedRow("Folded")
			.panels(panel("a").size(12, 4), panel("b").size(12, 4), panel("c").size(24, 3))
			.collapsedRow("Folded too")
			.panel(panel("a"))
			.build()
			.toJson()
			.get("panels");
		assertThat(panels).hasSize(4);
		JsonNode folded = panels.get(2);
		assertThat(folded.get("collapsed").asBoolean()).isTrue();
		assertThat(folded.get("gridPos").get("y").asInt()).isEqualTo(6);
		assertThat(folded.get("panels")).extracting((panel) -> panel.get("id").asInt() + "@" + panel.get("gridPos").get("x")
				.asInt() + "," + panel.get("gridPos").get("y").asInt())
			.containsExactly("4@0,7", "5@12,7", "6@0,11");
		assertThat(panels.get(3).get("gridPos").get("y").asInt()).isEqualTo(7);
		assertThat(panels.get(3).get("id").asInt()).isEqualTo(7);
		assertThat(panels.get(0).get("collapsed").asBoolean()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> Dashboard.builder(REF)
			.description("d")
			.collapsedRow("Folded")
			.panels(panel("a"), panel("a"))
			.build()).withMessageContaining("two panels");
	}

	@Test
	void overridesTakeTypedValues() {
		Panel table = Panel.table("t")
			.description("d")
			.target(Target.table("up"))
			.override("Value", "thresholds", Thresholds.of(Panel.Step.base("green"), Panel.Step.at(1, "red")))
			.override("Value", "color", FieldColor.THRESHOLDS)
			.override("Value", "custom.cellOptions", TableCellType.COLOR_BACKGROUND)
			.override("Value", "mappings", ValueMappings.NONE.and("0", "OK", "green").and("2", "Firing", "red"))
			.override("Line", "custom.lineStyle", LineStyle.dashed(10, 10))
			.override("Line", "color", FieldColor.fixed("red"))
			.sortBy("Value", true)
			.noValue("none yet");
		JsonNode json = table.toJson(1, new GridPos(0, 0, 8, 8));
		JsonNode properties = json.get("fieldConfig").get("overrides").get(0).get("properties");
		assertThat(properties.get(0).get("value").get("steps").get(1).get("value").asInt()).isEqualTo(1);
		assertThat(properties.get(1).get("value").get("mode").asString()).isEqualTo("thresholds");
		assertThat(properties.get(2).get("value").get("type").asString()).isEqualTo("color-background");
		JsonNode firing = properties.get(3).get("value").get(0).get("options").get("2");
		assertThat(firing.get("index").asInt()).isEqualTo(1);
		assertThat(firing.get("text").asString()).isEqualTo("Firing");
		JsonNode line = json.get("fieldConfig").get("overrides").get(1).get("properties");
		assertThat(line.get(0).get("value").get("fill").asString()).isEqualTo("dash");
		assertThat(line.get(1).get("value").get("fixedColor").asString()).isEqualTo("red");
		// a table without a unit: its columns have theirs
		assertThat(json.get("fieldConfig").get("defaults").has("unit")).isFalse();
		assertThat(json.get("fieldConfig").get("defaults").get("noValue").asString()).isEqualTo("none yet");
		assertThat(json.get("options").get("sortBy").get(0).get("displayName").asString()).isEqualTo("Value");
		assertThatIllegalArgumentException().isThrownBy(() -> ValueMappings.NONE.and("0", "a", "red").and("0", "b", "red"));
		assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.of(Panel.Step.at(1, "red")));
	}

	@Test
	void dashboardSettingsAndVariablesCanDifferFromTheDefaults() {
		JsonNode json = Dashboard.builder(REF)
			.description("d")
			.withoutDefaultVariables()
			.variable(Variable.anyPrometheus())
			.variable(Variable.query("service", "Service", "label_values(up, job)").withAllValue("a|b").withRegex("/^(a|b)$/"))
			.annotation(new Annotation("n", "up", "red", "t", "x", "job").withStep("1m"))
			.refresh("1m", "1m", "1h")
			.from("now-7d")
			.panel(panel("a"))
			.build()
			.toJson();
		JsonNode variables = json.get("templating").get("list");
		assertThat(variables).hasSize(2);
		assertThat(variables.get(0).get("current").isEmpty()).isTrue();
		assertThat(variables.get(1).get("allValue").asString()).isEqualTo("a|b");
		assertThat(variables.get(1).get("regex").asString()).isEqualTo("/^(a|b)$/");
		assertThat(json.get("annotations").get("list").get(0).get("step").asString()).isEqualTo("1m");
		assertThat(json.get("refresh").asString()).isEqualTo("1m");
		assertThat(json.get("timepicker").get("refresh_intervals")).hasSize(2);
		assertThat(json.get("time").get("from").asString()).isEqualTo("now-7d");
	}

	private static Panel panel(String title) {
		return Panel.timeseries(title).description("What is " + title + "?").unit("short").target("up", "{{instance}}");
	}

}
