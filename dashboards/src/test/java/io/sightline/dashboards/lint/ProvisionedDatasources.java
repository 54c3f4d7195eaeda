package io.sightline.dashboards.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The data sources of {@code grafana/provisioning/datasources/*.yaml}, read with SnakeYAML's SafeConstructor. */
public final class ProvisionedDatasources {

	private ProvisionedDatasources() {
	}

	/** A YAML document as plain maps, lists and scalars; no custom types. */
	public static Object parseYaml(String text) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
	}

	/** uid → type of every provisioned data source under {@code provisioning/datasources}. */
	@SuppressWarnings("unchecked")
	public static Map<String, String> uidToType(Path provisioning) {
		Path folder = provisioning.resolve("datasources");
		Map<String, String> datasources = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().matches(".*\\.ya?ml")).sorted().toList()) {
				Map<String, Object> document = (Map<String, Object>) parseYaml(Files.readString(file));
				for (Map<String, Object> datasource : (List<Map<String, Object>>) document.get("datasources")) {
					datasources.put(String.valueOf(datasource.get("uid")), String.valueOf(datasource.get("type")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + folder.toAbsolutePath().normalize(), ex);
		}
		return datasources;
	}

}
