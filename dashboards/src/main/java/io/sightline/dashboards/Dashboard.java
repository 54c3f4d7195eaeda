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
 * refreshed every 30 s (each can be changed). Panels get ids in order and are packed onto the grid row by row; the
 * panels of a collapsed row are folded into it.
 */
public final class Dashboard {

	/** Grafana's JSON model version. */
	public static final int SCHEMA_VERSION = 39;

	/** Every dashboard's tag. */
	public static final String TAG = "sightline";

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

		/** Rows and panels, in order. */
		private final List<Object> items = new ArrayList<>();

		private String refresh = "30s";

		private List<String> refreshIntervals = List.of("10s", "30s", "1m", "5m", "15m");

		private String from = "now-1h";

		private Builder(DashboardRef ref) {
			this.ref = Objects.requireNonNull(ref, "ref");
			if (ref.title().isBlank()) {
				throw new IllegalArgumentException("a dashboard needs a title");
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

		/** Drops the datasource, application and instance variables: {@link #variable} adds every variable. */
		public Builder withoutDefaultVariables() {
			this.variables.clear();
			return this;
		}

		/** How often the dashboard refreshes, and the intervals the time picker offers. */
		public Builder refresh(String every, String... choices) {
			this.refresh = Objects.requireNonNull(every, "every");
			this.refreshIntervals = List.of(choices);
			return this;
		}

		/** The start of the default time range, e.g. {@code now-7d}; it ends now. */
		public Builder from(String from) {
			this.from = Objects.requireNonNull(from, "from");
			return this;
		}

		/** A variable besides datasource, application and instance (unless dropped). */
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
			this.items.add(new Row(title, false));
			return this;
		}

		/**
		 * Starts a collapsed row: a full-width header that the panels after it, until the next row, fold into; the
		 * next row follows right below the header. Panel titles are unique within the row.
		 */
		public Builder collapsedRow(String title) {
			row(title);
			this.items.set(this.items.size() - 1, new Row(title, true));
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
			dashboard.put("refresh", this.refresh);
			dashboard.put("schemaVersion", SCHEMA_VERSION);
			dashboard.set("tags", Json.strings(this.tags));
			ArrayNode variables = dashboard.putObject("templating").putArray("list");
			this.variables.forEach((variable) -> variables.add(variable.toJson()));
			ObjectNode time = dashboard.putObject("time");
			time.put("from", this.from);
			time.put("to", "now");
			dashboard.putObject("timepicker")
				.set("refresh_intervals", Json.strings(this.refreshIntervals));
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
			// while in a collapsed row: its panels, their titles and their layout
			ArrayNode folded = null;
			Set<String> foldedTitles = null;
			Layout foldedLayout = null;
			int id = 1;
			for (Object item : this.items) {
				if (item instanceof Row row) {
					GridPos pos = layout.row();
					ObjectNode node = row(id++, row, pos);
					panels.add(node);
					folded = row.collapsed() ? (ArrayNode) node.get("panels") : null;
					foldedTitles = new HashSet<>();
					foldedLayout = new Layout(pos.y() + 1);
				}
				else {
					Panel panel = (Panel) item;
					if (!((folded != null) ? foldedTitles : titles).add(panel.title())) {
						throw new IllegalStateException(this.ref.uid() + ": two panels are titled '" + panel.title()
								+ "'");
					}
					if (folded != null) {
						folded.add(panel.toJson(id++, foldedLayout.place(panel.width(), panel.height())));
					}
					else {
						panels.add(panel.toJson(id++, layout.place(panel.width(), panel.height())));
					}
				}
			}
			return panels;
		}

		private static ObjectNode row(int id, Row item, GridPos pos) {
			ObjectNode row = Json.object();
			row.put("collapsed", item.collapsed());
			row.set("datasource", Datasource.prometheus());
			row.set("gridPos", pos.toJson());
			row.put("id", id);
			row.putArray("panels");
			row.put("title", item.title());
			row.put("type", "row");
			return row;
		}

		/** A row header; a collapsed one holds the panels after it. */
		private record Row(String title, boolean collapsed) {
		}

	}

}
