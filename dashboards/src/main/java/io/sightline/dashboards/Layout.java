package io.sightline.dashboards;

/**
 * Packs panels onto the grid like text: left to right, a new line when the next panel does not fit, each line as
 * high as its highest panel; a row header always starts a line of its own. Nothing placed by one layout overlaps.
 */
final class Layout {

	private int x;

	private int y;

	private int lineHeight;

	Layout() {
		this(0);
	}

	/** A layout whose first line is at {@code top}. */
	Layout(int top) {
		this.y = top;
	}

	/** The place of a panel of this size. */
	GridPos place(int w, int h) {
		if (w < 1 || w > GridPos.COLUMNS || h < 1) {
			throw new IllegalArgumentException("a panel must be 1 to 24 columns wide and at least 1 high, was " + w
					+ "x" + h);
		}
		if (this.x + w > GridPos.COLUMNS) {
			newLine();
		}
		GridPos pos = new GridPos(this.x, this.y, w, h);
		this.x += w;
		this.lineHeight = Math.max(this.lineHeight, h);
		return pos;
	}

	/** The place of a row header: the full width, 1 high, on a line of its own. */
	GridPos row() {
		newLine();
		GridPos pos = new GridPos(0, this.y, GridPos.COLUMNS, 1);
		this.y += 1;
		return pos;
	}

	private void newLine() {
		this.y += this.lineHeight;
		this.x = 0;
		this.lineHeight = 0;
	}

}
