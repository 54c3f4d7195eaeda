package io.sightline.dashboards;

import java.util.List;
import java.util.Objects;

import io.sightline.dashboards.Panel.Step;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Absolute threshold steps, the first being the base ({@link Step#base}): a panel's thresholds, or an override's
 * (e.g. one table column coloured by its own steps).
 *
 * @param steps the steps, in ascending order of value
 */
public record Thresholds(List<Step> steps) implements FieldValue {

	public Thresholds {
		steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
		if (steps.isEmpty() || steps.get(0).value() != null) {
			throw new IllegalArgumentException("the first threshold step is the base, without a value");
		}
	}

	public static Thresholds of(Step... steps) {
		return new Thresholds(List.of(steps));
	}

	@Override
	public ObjectNode toJson() {
		ObjectNode thresholds = Json.object();
		thresholds.put("mode", "absolute");
		ArrayNode steps = thresholds.putArray("steps");
		for (Step step : this.steps) {
			ObjectNode node = steps.addObject();
			node.put("color", step.color());
			if (step.value() == null) {
				node.putNull("value");
			}
			else {
				Json.putNumber(node, "value", step.value());
			}
		}
		return thresholds;
	}

}
