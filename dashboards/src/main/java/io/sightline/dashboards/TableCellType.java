package io.sightline.dashboards;

import tools.jackson.databind.node.ObjectNode;

/** How a table cell shows its value ({@code custom.cellOptions}). */
public enum TableCellType implements FieldValue {

	/** The value as text. */
	AUTO("auto"),

	/** The cell filled with the value's colour. */
	COLOR_BACKGROUND("color-background"),

	/** The text in the value's colour. */
	COLOR_TEXT("color-text");

	private final String id;

	TableCellType(String id) {
		this.id = id;
	}

	@Override
	public ObjectNode toJson() {
		ObjectNode options = Json.object();
		options.put("type", this.id);
		return options;
	}

}
