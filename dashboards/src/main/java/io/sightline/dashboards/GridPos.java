package io.sightline.dashboards;

import tools.jackson.databind.node.ObjectNode;

/**
 * A panel's place on Grafana's 24-column grid.
 *
 * @param x the column, 0 to 23
 * @param y the row, from the top
 * @param w the width in columns, 1 to 24
 * @param h the height in grid rows (30 px each)
 */
public record GridPos(int x, int y, int w, int h) {

	/** The grid's width. */
	public static final int COLUMNS = 24;

	public GridPos {
		if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > COLUMNS) {
			throw new IllegalArgumentException("not a place on the 24-column grid: x=" + x + ", y=" + y + ", w=" + w
					+ ", h=" + h);
		}
	}

	/** Whether the two rectangles share at least one cell. */
	public boolean overlaps(GridPos other) {
		return this.x < other.x + other.w && other.x < this.x + this.w && this.y < other.y + other.h
				&& other.y < this.y + this.h;
	}

	ObjectNode toJson() {
		ObjectNode node = Json.object();
		node.put("h", this.h);
		node.put("w", this.w);
		node.put("x", this.x);
		node.put("y", this.y);
		return node;
	}

}
