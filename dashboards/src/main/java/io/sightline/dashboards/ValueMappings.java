package io.sightline.dashboards;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exact values shown as text in a colour, e.g. the states of an alert: a panel's mappings, or an override's.
 *
 * @param values the mapped values, in display order
 */
public record ValueMappings(List<ValueText> values) implements FieldValue {

	/**
	 * One mapped value.
	 *
	 * @param value the exact value, as text ({@code 0}, {@code 2592000})
	 * @param text what is shown instead
	 * @param color the Grafana colour it is shown in
	 */
	public record ValueText(String value, String text, String color) {

		public ValueText {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(color, "color");
		}

	}

	public static final ValueMappings NONE = new ValueMappings(List.of());

	public ValueMappings {
		values = List.copyOf(Objects.requireNonNull(values, "values"));
	}

	public static ValueMappings of(ValueText... values) {
		return new ValueMappings(List.of(values));
	}

	/** These mappings and one more value. */
	public ValueMappings and(String value, String text, String color) {
		ValueText added = new ValueText(value, text, color);
		if (this.values.stream().anyMatch((existing) -> existing.value().equals(value))) {
			throw new IllegalArgumentException("the value " + value + " is mapped twice");
		}
		return new ValueMappings(Stream.concat(this.values.stream(), Stream.of(added)).toList());
	}

	/** Grafana's {@code mappings}: one value mapping with an option per value, or none. */
	@Override
	public ArrayNode toJson() {
		ArrayNode mappings = Json.array();
		if (this.values.isEmpty()) {
			return mappings;
		}
		ObjectNode mapping = mappings.addObject();
		ObjectNode options = mapping.putObject("options");
		for (int i = 0; i < this.values.size(); i++) {
			ValueText value = this.values.get(i);
			ObjectNode option = options.putObject(value.value());
			option.put("color", value.color());
			option.put("index", i);
			option.put("text", value.text());
		}
		mapping.put("type", "value");
		return mappings;
	}

}
