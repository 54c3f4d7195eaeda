package io.sightline.dashboards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Grafana dashboard (JSON model, schema 39: Grafana 10.4 and 11) of Sightline's conventions: a fixed uid, the
 * {@code sightline} tag, the {@code datasource}, {@code application} and {@code instance} variables, the last hour,
 * refreshed every 30 s. Panels get ids in order and are packed onto the grid row by row.
 */
public final class Dashboard {

	/** Grafana's JSON model version. */
	public static final int SCHEMA_VERSION = 39;

	/** Every dashboard's tag. */
	public static final String TAG = "sightline";

	/** Every dashboard's title starts with it. */
	public static final String TITLE_PREFIX = "Sightline / ";

	private final DashboardRef ref;

	private final ObjectNode json;

	private Dashboard(DashboardRef ref, ObjectNode json) {
		this.ref = ref;
		this.json = json;
	}

	public static Builder builder(DashboardRef ref) {
		return new Builder(ref);
	}

	public DashboardRef ref() {
		return this.ref;
	}

	/** A copy of the dashboard's JSON model. */
	public ObjectNode toJson() {
		return this.json.deepCopy();
	}

	/** The JSON model as written to {@code grafana/dashboards/<uid>.json}: byte-identical for the same model. */
	public String render() {
		return Json.render(this.json);
	}

	/** The file name under {@code grafana/dashboards/}. */
	public String fileName() {
		return this.ref.uid() + ".json";
	}

	/** Collects the parts of a dashboard; {@link #build()} lays it out and checks it. */
	public static final class Builder {

		private final DashboardRef ref;

		private String description = "";

		private final Set<String> tags = new LinkedHashSet<>(List.of(TAG));

		private final List<Link> links = new ArrayList<>();

		private final List<Variable> variables = new ArrayList<>(
				List.of(Variable.prometheus(), Variable.application(), Variable.instance()));

		private final List<Annotation> annotations = new ArrayList<>();

		/** Rows (a String title) and panels, in order. */
		private final List<Object> items = new ArrayList<>();

		private Builder(DashboardRef ref) {
			this.ref = Objects.requireNonNull(ref, "ref");
			if (!ref.title().startsWith(TITLE_PREFIX) || ref.title().length() == TITLE_PREFIX.length()) {
				throw new IllegalArgumentException("a dashboard title reads 'Sightline / ...', was " + ref.title());
			}
		}

		/** What the dashboard is for; shown in Grafana's dashboard list. */
		public Builder description(String description) {
			this.description = Objects.requireNonNull(description, "description");
			return this;
		}

		public Builder tags(String... tags) {
			this.tags.addAll(List.of(tags));
			return this;
		}

		/** A link in the dashboard's header. */
		public Builder link(Link link) {
			this.links.add(Objects.requireNonNull(link, "link"));
			return this;
		}

		/** A variable besides datasource, application and instance. */
		public Builder variable(Variable variable) {
			for (Variable existing : this.variables) {
				if (existing.name().equals(variable.name())) {
					throw new IllegalArgumentException("variable " + variable.name() + " is defined twice");
				}
			}
			this.variables.add(variable);
			return this;
		}

		public Builder annotation(Annotation annotation) {
			this.annotations.add(Objects.requireNonNull(annotation, "annotation"));
			return this;
		}

		/** Starts a row: a full-width header; the panels after it follow below. */
		public Builder row(String title) {
			if (Objects.requireNonNull(title, "title").isBlank()) {
				throw new IllegalArgumentException("a row needs a title");
			}
			this.items.add(title);
			return this;
		}

		public Builder panel(Panel panel) {
			if (this.items.contains(panel)) {
				throw new IllegalArgumentException("panel '" + panel.title() + "' is added twice");
			}
			this.items.add(Objects.requireNonNull(panel, "panel"));
			return this;
		}

		public Builder panels(Panel... panels) {
			for (Panel panel : panels) {
				panel(panel);
			}
			return this;
		}

		public Dashboard build() {
			if (this.description.isBlank()) {
				throw new IllegalStateException(this.ref.uid() + ": a dashboard needs a description");
			}
			if (this.items.stream().noneMatch(Panel.class::isInstance)) {
				throw new IllegalStateException(this.ref.uid() + ": a dashboard needs panels");
			}
			ObjectNode dashboard = Json.object();
			ArrayNode annotations = dashboard.putObject("annotations").putArray("list");
			this.annotations.forEach((annotation) -> annotations.add(annotation.toJson()));
			dashboard.put("description", this.description);
			dashboard.put("editable", true);
			dashboard.put("fiscalYearStartMonth", 0);
			dashboard.put("graphTooltip", 1);
			dashboard.putNull("id");
			ArrayNode links = dashboard.putArray("links");
			this.links.forEach((link) -> links.add(link.dashboardLinkJson()));
			dashboard.set("panels", panels());
			dashboard.put("refresh", "30s");
			dashboard.put("schemaVersion", SCHEMA_VERSION);
			dashboard.set("tags", Json.strings(this.tags));
			ArrayNode variables = dashboard.putObject("templating").putArray("list");
			this.variables.forEach((variable) -> variables.add(variable.toJson()));
			ObjectNode time = dashboard.putObject("time");
			time.put("from", "now-1h");
			time.put("to", "now");
			dashboard.putObject("timepicker")
				.set("refresh_intervals", Json.strings(List.of("10s", "30s", "1m", "5m", "15m")));
			dashboard.put("timezone", "");
			dashboard.put("title", this.ref.title());
			dashboard.put("uid", this.ref.uid());
			dashboard.put("version", 1);
			dashboard.put("weekStart", "");
			return new Dashboard(this.ref, dashboard);
		}

		private ArrayNode panels() {
			ArrayNode panels = Json.array();
			Layout layout = new Layout();
			Set<String> titles = new HashSet<>();
			int id = 1;
			for (Object item : this.items) {
				if (item instanceof String title) {
					panels.add(row(id++, title, layout.row()));
				}
				else {
					Panel panel = (Panel) item;
					if (!titles.add(panel.title())) {
						throw new IllegalStateException(this.ref.uid() + ": two panels are titled '" + panel.title()
								+ "'");
					}
					panels.add(panel.toJson(id++, layout.place(panel.width(), panel.height())));
				}
			}
			return panels;
		}

		private static ObjectNode row(int id, String title, GridPos pos) {
			ObjectNode row = Json.object();
			row.put("collapsed", false);
			row.set("datasource", Datasource.prometheus());
			row.set("gridPos", pos.toJson());
			row.put("id", id);
			row.putArray("panels");
			row.put("title", title);
			row.put("type", "row");
			return row;
		}

	}

}
