package io.sightline.dashboards;

import java.util.List;
import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * A dashed line of a time series ({@code custom.lineStyle}).
 *
 * @param dash the lengths of the dashes and the gaps between them, in pixels
 */
public record LineStyle(List<Integer> dash) implements FieldValue {

	public LineStyle {
		dash = List.copyOf(Objects.requireNonNull(dash, "dash"));
		if (dash.isEmpty() || dash.stream().anyMatch((length) -> length < 1)) {
			throw new IllegalArgumentException("a dash pattern has positive lengths");
		}
	}

	/** Dashes and gaps of these lengths, e.g. {@code dashed(10, 10)}. */
	public static LineStyle dashed(Integer... dash) {
		return new LineStyle(List.of(dash));
	}

	@Override
	public ObjectNode toJson() {
		ObjectNode style = Json.object();
		this.dash.forEach(style.putArray("dash")::add);
		style.put("fill", "dash");
		return style;
	}

}
