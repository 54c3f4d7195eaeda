package io.sightline.slo.rules;

import java.util.Map;

/**
 * Writes the small YAML subset of rule and test files by hand, so the output is stable byte for byte
 * (golden files, drift checks) and reads like hand-written YAML: strings double-quoted, PromQL as
 * literal blocks.
 */
final class YamlText {

	private final StringBuilder text = new StringBuilder();

	YamlText comment(String comment) {
		this.text.append("# ").append(comment).append('\n');
		return this;
	}

	/** {@code key:} opening a nested block. */
	YamlText open(int indent, String key) {
		indent(indent).append(key).append(":\n");
		return this;
	}

	/** {@code - key: value} starting a list item. */
	YamlText item(int indent, String key, String value) {
		indent(indent).append("- ").append(key).append(": ").append(scalar(value)).append('\n');
		return this;
	}

	/** {@code - key:} starting a list item that opens a nested block. */
	YamlText itemOpen(int indent, String key) {
		indent(indent).append("- ").append(key).append(":\n");
		return this;
	}

	YamlText value(int indent, String key, String value) {
		indent(indent).append(key).append(": ").append(scalar(value)).append('\n');
		return this;
	}

	/** An unquoted value: numbers, durations, {@code []}. */
	YamlText plain(int indent, String key, String value) {
		indent(indent).append(key).append(": ").append(value).append('\n');
		return this;
	}

	/** A literal block, for PromQL. */
	YamlText block(int indent, String key, String value) {
		indent(indent).append(key).append(": |\n");
		for (String line : value.split("\n", -1)) {
			indent(indent + 2).append(line).append('\n');
		}
		return this;
	}

	YamlText map(int indent, String key, Map<String, String> values) {
		if (values.isEmpty()) {
			return this;
		}
		open(indent, key);
		values.forEach((name, value) -> value(indent + 2, name, value));
		return this;
	}

	YamlText line(int indent, String raw) {
		indent(indent).append(raw).append('\n');
		return this;
	}

	private StringBuilder indent(int indent) {
		return this.text.append(" ".repeat(indent));
	}

	static String scalar(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\x%02x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
