package io.sightline.dashboards;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * How a field's values are coloured: by the thresholds, one palette colour per series, or one fixed colour.
 *
 * @param mode Grafana's colour mode
 * @param fixedColor the colour of the {@code fixed} mode, else {@code null}
 */
public record FieldColor(String mode, String fixedColor) implements FieldValue {

	/** The colour of the threshold step the value is in. */
	public static final FieldColor THRESHOLDS = new FieldColor("thresholds", null);

	/** Each series in its own colour of Grafana's classic palette. */
	public static final FieldColor PALETTE_CLASSIC = new FieldColor("palette-classic", null);

	public FieldColor {
		Objects.requireNonNull(mode, "mode");
		if ("fixed".equals(mode) != (fixedColor != null)) {
			throw new IllegalArgumentException("a fixed colour, and only that, names its colour");
		}
	}

	/** Always this colour, e.g. {@code red}. */
	public static FieldColor fixed(String color) {
		return new FieldColor("fixed", Objects.requireNonNull(color, "color"));
	}

	@Override
	public ObjectNode toJson() {
		ObjectNode color = Json.object();
		if (this.fixedColor != null) {
			color.put("fixedColor", this.fixedColor);
		}
		color.put("mode", this.mode);
		return color;
	}

}
