package io.sightline.slo.spec;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Line numbers of a spec's fields, by the paths the reader names in its problems
 * ({@code slos[0].sli.http_latency.threshold}), so that each problem says where to look.
 */
final class SpecLines {

	private SpecLines() {
	}

	/** Records the 1-based line of every key and list item under the node. */
	static void collect(Node node, String path, Map<String, Integer> lines) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
					lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
					collect(tuple.getValueNode(), child, lines);
				}
			}
		}
		else if (node instanceof SequenceNode sequence) {
			List<Node> items = sequence.getValue();
			for (int i = 0; i < items.size(); i++) {
				String child = path + "[" + i + "]";
				lines.putIfAbsent(child, items.get(i).getStartMark().getLine() + 1);
				collect(items.get(i), child, lines);
			}
		}
	}

	/**
	 * The line of a problem's path, else of the nearest enclosing field that is there (a required field
	 * that is missing is reported at its parent); null when the problem names no field of the spec.
	 */
	static Integer line(String problem, Map<String, Integer> lines) {
		int colon = problem.indexOf(": ");
		if (colon <= 0) {
			return null;
		}
		String path = problem.substring(0, colon);
		while (!path.isEmpty()) {
			Integer line = lines.get(path);
			if (line != null) {
				return line;
			}
			path = parent(path);
		}
		return null;
	}

	private static String parent(String path) {
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		return (cut > 0) ? path.substring(0, cut) : "";
	}

}
