package io.sightline.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One panel: what it shows (type, targets), what it answers (title, description), how values read (unit,
 * thresholds, mappings) and its size. The dashboard gives it its id and its place on the grid.
 *
 * <p>
 * A builder: the setters return {@code this}; a panel belongs to one dashboard.
 */
public final class Panel {

	/** The panel types these dashboards use, with Grafana's plugin ids. */
	public enum Type {

		TIMESERIES("timeseries"), STAT("stat"), TABLE("table"), HEATMAP("heatmap"), STATE_TIMELINE("state-timeline"),
		NODE_GRAPH("nodeGraph"), BAR_GAUGE("bargauge");

		private final String id;

		Type(String id) {
			this.id = id;
		}

		/** Grafana's plugin id, e.g. {@code timeseries}. */
		public String id() {
			return this.id;
		}

	}

	/**
	 * One threshold step: the colour from this value up (the first step's value is {@code null}: minus infinity).
	 *
	 * @param color a Grafana colour name
	 * @param value where the step starts, or {@code null} for the base
	 */
	public record Step(String color, Double value) {

		public static Step base(String color) {
			return new Step(color, null);
		}

		public static Step at(double value, String color) {
			return new Step(color, value);
		}

	}

	private final Type type;

	private final String title;

	private String description = "";

	private Fault incident;

	private String unit;

	private int width = 8;

	private int height = 8;

	private Double min;

	private Double max;

	private Integer decimals;

	private final List<Target> targets = new ArrayList<>();

	private Thresholds thresholds = Thresholds.of(Step.base("green"));

	private ValueMappings valueMappings = ValueMappings.NONE;

	private String noValue;

	private final Map<String, ObjectNode> overrides = new LinkedHashMap<>();

	private final List<Link> links = new ArrayList<>();

	private final ArrayNode transformations = Json.array();

	private final ObjectNode options;

	private final ObjectNode custom;

	private FieldColor color = FieldColor.PALETTE_CLASSIC;

	private Panel(Type type, String title, ObjectNode options, ObjectNode custom) {
		this.type = Objects.requireNonNull(type, "type");
		this.title = Objects.requireNonNull(title, "title");
		if (title.isBlank()) {
			throw new IllegalArgumentException("a panel needs a title");
		}
		this.options = options;
		this.custom = custom;
	}

	// ---- the types

	/** Lines over time; legend as a table with the last and max values. */
	public static Panel timeseries(String title) {
		ObjectNode options = Json.object();
		ObjectNode legend = options.putObject("legend");
		legend.putArray("calcs").add("lastNotNull").add("max");
		legend.put("displayMode", "table");
		legend.put("placement", "bottom");
		legend.put("showLegend", true);
		ObjectNode tooltip = options.putObject("tooltip");
		tooltip.put("mode", "multi");
		tooltip.put("sort", "desc");
		ObjectNode custom = Json.object();
		custom.put("axisBorderShow", false);
		custom.put("axisPlacement", "auto");
		custom.put("drawStyle", "line");
		custom.put("fillOpacity", 10);
		custom.put("gradientMode", "none");
		custom.put("lineInterpolation", "linear");
		custom.put("lineWidth", 1);
		custom.putObject("scaleDistribution").put("type", "linear");
		custom.put("showPoints", "never");
		custom.put("spanNulls", false);
		ObjectNode stacking = custom.putObject("stacking");
		stacking.put("group", "A");
		stacking.put("mode", "none");
		custom.putObject("thresholdsStyle").put("mode", "off");
		return new Panel(Type.TIMESERIES, title, options, custom);
	}

	/** One big value per series, coloured by the thresholds. */
	public static Panel stat(String title) {
		ObjectNode options = Json.object();
		options.put("colorMode", "background");
		options.put("graphMode", "area");
		options.put("justifyMode", "auto");
		options.put("orientation", "auto");
		ObjectNode reduce = options.putObject("reduceOptions");
		reduce.putArray("calcs").add("lastNotNull");
		reduce.put("fields", "");
		reduce.put("values", false);
		options.put("showPercentChange", false);
		options.put("textMode", "value_and_name");
		options.put("wideLayout", true);
		Panel panel = new Panel(Type.STAT, title, options, null);
		panel.color = FieldColor.THRESHOLDS;
		return panel;
	}

	/** Rows of an instant query (or several, joined by a transformation). */
	public static Panel table(String title) {
		ObjectNode options = Json.object();
		options.put("cellHeight", "sm");
		ObjectNode footer = options.putObject("footer");
		footer.put("countRows", false);
		footer.putArray("fields");
		footer.putArray("reducer").add("sum");
		footer.put("show", false);
		options.put("showHeader", true);
		ObjectNode custom = Json.object();
		custom.put("align", "auto");
		custom.set("cellOptions", TableCellType.AUTO.toJson());
		custom.put("filterable", false);
		custom.put("inspect", false);
		Panel panel = new Panel(Type.TABLE, title, options, custom);
		panel.color = FieldColor.THRESHOLDS;
		return panel;
	}

	/**
	 * Histogram buckets over time (targets in heatmap format); the y axis in {@code yUnit}, the cells count
	 * observations in the panel's unit.
	 */
	public static Panel heatmap(String title, String yUnit) {
		ObjectNode options = Json.object();
		options.put("calculate", false);
		options.put("cellGap", 1);
		ObjectNode color = options.putObject("color");
		color.put("exponent", 0.5);
		color.put("fill", "dark-orange");
		color.put("mode", "scheme");
		color.put("reverse", false);
		color.put("scale", "exponential");
		color.put("scheme", "Oranges");
		color.put("steps", 64);
		options.putObject("exemplars").put("color", "rgba(255,0,255,0.7)");
		options.putObject("filterValues").put("le", 1e-9);
		options.putObject("legend").put("show", true);
		options.putObject("rowsFrame").put("layout", "auto");
		ObjectNode tooltip = options.putObject("tooltip");
		tooltip.put("mode", "single");
		tooltip.put("showColorScale", false);
		tooltip.put("yHistogram", true);
		ObjectNode yAxis = options.putObject("yAxis");
		yAxis.put("axisPlacement", "left");
		yAxis.put("reverse", false);
		yAxis.put("unit", yUnit);
		ObjectNode custom = Json.object();
		ObjectNode hideFrom = custom.putObject("hideFrom");
		hideFrom.put("legend", false);
		hideFrom.put("tooltip", false);
		hideFrom.put("viz", false);
		custom.putObject("scaleDistribution").put("type", "linear");
		return new Panel(Type.HEATMAP, title, options, custom);
	}

	/** A state per series over time: the value mappings name and colour the states. */
	public static Panel stateTimeline(String title) {
		ObjectNode options = Json.object();
		options.put("alignValue", "left");
		ObjectNode legend = options.putObject("legend");
		legend.put("displayMode", "list");
		legend.put("placement", "bottom");
		legend.put("showLegend", true);
		options.put("mergeValues", true);
		options.put("rowHeight", 0.9);
		options.put("showValue", "auto");
		ObjectNode tooltip = options.putObject("tooltip");
		tooltip.put("mode", "single");
		tooltip.put("sort", "none");
		ObjectNode custom = Json.object();
		custom.put("fillOpacity", 70);
		custom.put("lineWidth", 0);
		Panel panel = new Panel(Type.STATE_TIMELINE, title, options, custom);
		panel.color = FieldColor.THRESHOLDS;
		return panel;
	}

	/** Horizontal bars, one per series: shares and rankings. */
	public static Panel barGauge(String title) {
		ObjectNode options = Json.object();
		options.put("displayMode", "gradient");
		ObjectNode legend = options.putObject("legend");
		legend.put("showLegend", false);
		options.put("maxVizHeight", 300);
		options.put("minVizHeight", 16);
		options.put("minVizWidth", 8);
		options.put("namePlacement", "auto");
		options.put("orientation", "horizontal");
		ObjectNode reduce = options.putObject("reduceOptions");
		reduce.putArray("calcs").add("lastNotNull");
		reduce.put("fields", "");
		reduce.put("values", false);
		options.put("showUnfilled", true);
		options.put("sizing", "auto");
		options.put("valueMode", "color");
		Panel panel = new Panel(Type.BAR_GAUGE, title, options, null);
		panel.color = FieldColor.THRESHOLDS;
		return panel;
	}

	/**
	 * Nodes and edges (Grafana's Node Graph): the targets must produce a nodes frame (field {@code id}) and an
	 * edges frame (fields {@code id}, {@code source}, {@code target}); the units are appended to the stats as
	 * written.
	 */
	public static Panel nodeGraph(String title, NodeGraphUnits units) {
		ObjectNode options = Json.object();
		ObjectNode nodes = options.putObject("nodes");
		nodes.put("mainStatUnit", units.nodeMain());
		nodes.put("secondaryStatUnit", units.nodeSecondary());
		ArrayNode arcs = nodes.putArray("arcs");
		for (Map.Entry<String, String> arc : new TreeMap<>(units.arcColors()).entrySet()) {
			ObjectNode entry = arcs.addObject();
			entry.put("color", arc.getValue());
			entry.put("field", arc.getKey());
		}
		ObjectNode edges = options.putObject("edges");
		edges.put("mainStatUnit", units.edgeMain());
		edges.put("secondaryStatUnit", units.edgeSecondary());
		Panel panel = new Panel(Type.NODE_GRAPH, title, options, null);
		panel.color = FieldColor.THRESHOLDS;
		return panel;
	}

	/**
	 * The units the Node Graph appends to its stats (as text: it does not format them), and the colours of the
	 * arcs around the nodes.
	 *
	 * @param nodeMain the nodes' main stat unit
	 * @param nodeSecondary the nodes' secondary stat unit
	 * @param edgeMain the edges' main stat unit
	 * @param edgeSecondary the edges' secondary stat unit
	 * @param arcColors the colour of each {@code arc__*} field (drawn in the order of their names)
	 */
	public record NodeGraphUnits(String nodeMain, String nodeSecondary, String edgeMain, String edgeSecondary,
			Map<String, String> arcColors) {
	}

	// ---- what it answers

	/** What question the panel answers; required. */
	public Panel description(String description) {
		this.description = Objects.requireNonNull(description, "description");
		return this;
	}

	/**
	 * Marks a panel whose queries have data only during an incident: its description ends with
	 * {@code Incident-only: <fault>.}, and the live test injects that fault before it requires data.
	 */
	public Panel incidentOnly(Fault fault) {
		this.incident = Objects.requireNonNull(fault, "fault");
		return this;
	}

	public Panel target(Target target) {
		this.targets.add(Objects.requireNonNull(target, "target"));
		return this;
	}

	public Panel target(String expr, String legendFormat) {
		return target(Target.of(expr, legendFormat));
	}

	// ---- how values read

	/** Grafana's unit id: reqps, percentunit, s, bytes, short, ops, ... */
	public Panel unit(String unit) {
		this.unit = Objects.requireNonNull(unit, "unit");
		return this;
	}

	public Panel min(double min) {
		this.min = min;
		return this;
	}

	public Panel max(double max) {
		this.max = max;
		return this;
	}

	public Panel decimals(int decimals) {
		this.decimals = decimals;
		return this;
	}

	/** The threshold steps, the first being the base ({@link Step#base}). */
	public Panel thresholds(Step... steps) {
		return thresholds(Thresholds.of(steps));
	}

	public Panel thresholds(Thresholds thresholds) {
		this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
		return this;
	}

	/** Colours by the thresholds instead of a palette (time series draw each series in its own colour). */
	public Panel colorByThresholds() {
		return color(FieldColor.THRESHOLDS);
	}

	/** How the values are coloured; each panel type has its default. */
	public Panel color(FieldColor color) {
		this.color = Objects.requireNonNull(color, "color");
		return this;
	}

	/** Shows {@code text} in {@code color} for the exact value {@code value}. */
	public Panel valueMapping(String value, String text, String color) {
		this.valueMappings = this.valueMappings.and(value, text, color);
		return this;
	}

	/** What the panel shows when its queries return nothing (Grafana's default: {@code No data}). */
	public Panel noValue(String text) {
		this.noValue = Objects.requireNonNull(text, "text");
		return this;
	}

	/**
	 * Sets a field config property (e.g. {@code unit}, {@code displayName}) for the field of that name; the value is
	 * a String, Integer, Double, Boolean or a typed value ({@link Thresholds}, {@link ValueMappings},
	 * {@link FieldColor}, {@link TableCellType}, {@link LineStyle}).
	 */
	public Panel override(String fieldName, String property, Object value) {
		return override("byName", fieldName, property, value);
	}

	/** Sets a field config property for the series of one query (by its refId, A, B, ...). */
	public Panel overrideQuery(String refId, String property, Object value) {
		return override("byFrameRefID", refId, property, value);
	}

	private Panel override(String matcherId, String matcherOptions, String property, Object value) {
		ObjectNode override = this.overrides.computeIfAbsent(matcherId + "\n" + matcherOptions, (key) -> {
			ObjectNode node = Json.object();
			ObjectNode matcher = node.putObject("matcher");
			matcher.put("id", matcherId);
			matcher.put("options", matcherOptions);
			node.putArray("properties");
			return node;
		});
		ObjectNode entry = ((ArrayNode) override.get("properties")).addObject();
		entry.put("id", property);
		putValue(entry, "value", value);
		return this;
	}

	/** A data link on the values, e.g. from a service's series to its detail dashboard. */
	public Panel link(Link link) {
		this.links.add(Objects.requireNonNull(link, "link"));
		return this;
	}

	/**
	 * Appends a transformation; {@code refIdPattern} (a refId or {@code /regex/}) restricts it to those queries'
	 * frames, {@code null} applies it to all.
	 */
	public Panel transformation(String id, ObjectNode options, String refIdPattern) {
		ObjectNode transformation = this.transformations.addObject();
		if (refIdPattern != null) {
			ObjectNode filter = transformation.putObject("filter");
			filter.put("id", "byRefId");
			filter.put("options", refIdPattern);
		}
		transformation.put("id", id);
		transformation.set("options", options);
		return this;
	}

	/** Sets a panel option, e.g. {@code option("legend", "placement", "right")}. */
	public Panel option(String first, Object... pathAndValue) {
		ObjectNode node = this.options;
		String key = first;
		for (int i = 0; i < pathAndValue.length - 1; i++) {
			node = node.has(key) ? (ObjectNode) node.get(key) : node.putObject(key);
			key = (String) pathAndValue[i];
		}
		putValue(node, key, pathAndValue[pathAndValue.length - 1]);
		return this;
	}

	/** Sorts a table by the column of that display name. */
	public Panel sortBy(String displayName, boolean descending) {
		if (this.type != Type.TABLE) {
			throw new IllegalStateException(this.type.id() + " panels are not sorted by a column");
		}
		ObjectNode sortBy = this.options.putArray("sortBy").addObject();
		sortBy.put("desc", descending);
		sortBy.put("displayName", Objects.requireNonNull(displayName, "displayName"));
		return this;
	}

	/** Sets a property of {@code fieldConfig.defaults.custom}, e.g. {@code custom("fillOpacity", 0)}. */
	public Panel custom(String key, Object value) {
		if (this.custom == null) {
			throw new IllegalStateException(this.type.id() + " panels have no custom field config");
		}
		putValue(this.custom, key, value);
		return this;
	}

	/** Stacks the series of a time series panel (shares of a whole). */
	public Panel stacked() {
		((ObjectNode) this.custom.get("stacking")).put("mode", "normal");
		this.custom.put("fillOpacity", 60);
		return this;
	}

	/** Draws the thresholds as dashed lines on a time series panel. */
	public Panel thresholdLines() {
		((ObjectNode) this.custom.get("thresholdsStyle")).put("mode", "dashed");
		return this;
	}

	/** Width in columns (of 24) and height in grid rows. */
	public Panel size(int width, int height) {
		if (width < 1 || width > GridPos.COLUMNS || height < 1) {
			throw new IllegalArgumentException("a panel is 1 to 24 columns wide and at least 1 high");
		}
		this.width = width;
		this.height = height;
		return this;
	}

	// ---- read back

	public Type type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	/** The description as written, with the incident marker when there is one. */
	public String fullDescription() {
		if (this.incident == null) {
			return this.description;
		}
		return (this.description.isEmpty() ? "" : this.description + " ") + this.incident.marker();
	}

	public List<Target> targets() {
		return List.copyOf(this.targets);
	}

	int width() {
		return this.width;
	}

	int height() {
		return this.height;
	}

	// ---- JSON

	ObjectNode toJson(int id, GridPos pos) {
		if (this.description.isBlank()) {
			throw new IllegalStateException("panel '" + this.title + "' has no description: say what it answers");
		}
		if (this.unit == null && this.type != Type.TABLE) {
			// a table's columns may each have their own, by overrides
			throw new IllegalStateException("panel '" + this.title + "' has no unit");
		}
		if (this.targets.isEmpty()) {
			throw new IllegalStateException("panel '" + this.title + "' has no query");
		}
		ObjectNode panel = Json.object();
		panel.set("datasource", Datasource.prometheus());
		panel.put("description", fullDescription());
		panel.set("fieldConfig", fieldConfig());
		panel.set("gridPos", pos.toJson());
		panel.put("id", id);
		panel.set("options", this.options.deepCopy());
		ArrayNode targets = panel.putArray("targets");
		List<String> refIds = new ArrayList<>();
		for (int i = 0; i < this.targets.size(); i++) {
			Target target = this.targets.get(i);
			String refId = (target.refId() != null) ? target.refId() : String.valueOf((char) ('A' + i));
			if (refIds.contains(refId)) {
				throw new IllegalStateException("panel '" + this.title + "' has two queries " + refId);
			}
			refIds.add(refId);
			targets.add(target.toJson(refId));
		}
		panel.put("title", this.title);
		if (!this.transformations.isEmpty()) {
			panel.set("transformations", this.transformations.deepCopy());
		}
		panel.put("type", this.type.id());
		return panel;
	}

	private ObjectNode fieldConfig() {
		ObjectNode fieldConfig = Json.object();
		ObjectNode defaults = fieldConfig.putObject("defaults");
		defaults.set("color", this.color.toJson());
		if (this.custom != null) {
			defaults.set("custom", this.custom.deepCopy());
		}
		if (this.decimals != null) {
			defaults.put("decimals", this.decimals);
		}
		if (!this.links.isEmpty()) {
			ArrayNode links = defaults.putArray("links");
			this.links.forEach((link) -> links.add(link.dataLinkJson()));
		}
		defaults.set("mappings", this.valueMappings.toJson());
		if (this.max != null) {
			Json.putNumber(defaults, "max", this.max);
		}
		if (this.min != null) {
			Json.putNumber(defaults, "min", this.min);
		}
		if (this.noValue != null) {
			defaults.put("noValue", this.noValue);
		}
		defaults.set("thresholds", this.thresholds.toJson());
		if (this.unit != null) {
			defaults.put("unit", this.unit);
		}
		ArrayNode overrides = fieldConfig.putArray("overrides");
		this.overrides.values().forEach((override) -> overrides.add(override.deepCopy()));
		return fieldConfig;
	}

	private static void putValue(ObjectNode node, String key, Object value) {
		if (value instanceof String text) {
			node.put(key, text);
		}
		else if (value instanceof Integer number) {
			node.put(key, number);
		}
		else if (value instanceof Double number) {
			Json.putNumber(node, key, number);
		}
		else if (value instanceof Boolean flag) {
			node.put(key, flag);
		}
		else if (value instanceof FieldValue typed) {
			node.set(key, typed.toJson());
		}
		else if (value instanceof JsonNode json) {
			node.set(key, json);
		}
		else {
			throw new IllegalArgumentException("unsupported JSON value for " + key + ": " + value);
		}
	}

}
