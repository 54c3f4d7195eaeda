package io.sightline.deploy.generate;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Renders Kubernetes objects as block YAML: keys in insertion order, no line folding, multi-line strings
 * (PromQL, dashboard JSON) as literal blocks, so that the generated files read like hand-written ones and
 * the same input always gives the same bytes.
 */
final class ManifestYaml {

	private static final Yaml YAML = create();

	private ManifestYaml() {
	}

	/** One document, preceded by {@code ---} and a comment line naming its source. */
	static String document(String comment, Map<String, Object> object) {
		return "---\n# " + comment + "\n" + YAML.dump(object);
	}

	private static Yaml create() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(Integer.MAX_VALUE);
		options.setSplitLines(false);
		options.setAllowUnicode(true);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(new LiteralBlockRepresenter(options), options);
	}

	private static final class LiteralBlockRepresenter extends Representer {

		LiteralBlockRepresenter(DumperOptions options) {
			super(options);
			Represent plain = this.representers.get(String.class);
			this.representers.put(String.class, (data) -> (((String) data).indexOf('\n') >= 0)
					? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL) : plain.representData(data));
		}

	}

}
