package io.sightline.dashboards;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place that creates and writes JSON: keys sorted like Grafana's own export, 2-space indent, a
 * trailing newline, so that the same model always gives the same bytes.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
		.withObjectNameValueSpacing(Separators.Spacing.AFTER)
		.withObjectEmptySeparator("")
		.withArrayEmptySeparator(""))
		.withObjectIndenter(new DefaultIndenter("  ", "\n"))
		.withArrayIndenter(new DefaultIndenter("  ", "\n"));

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	static ArrayNode strings(Iterable<String> values) {
		ArrayNode array = array();
		values.forEach(array::add);
		return array;
	}

	/** Pretty-printed, keys sorted, with a trailing newline. */
	static String render(JsonNode node) {
		return MAPPER.writer().with(PRETTY).writeValueAsString(node) + "\n";
	}

	static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	/** Whole numbers without a fraction, like Grafana writes them: 1, not 1.0. */
	static void putNumber(ObjectNode node, String field, double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			node.put(field, (long) value);
		}
		else {
			node.put(field, value);
		}
	}

}
