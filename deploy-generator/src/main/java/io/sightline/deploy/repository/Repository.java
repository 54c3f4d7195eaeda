package io.sightline.deploy.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository checkout the deploy artifacts live in, and plain YAML reading of its files. */
public final class Repository {

	private final Path root;

	private Repository(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * The checkout: {@code sightline.repo.root} when set (Maven sets it), else the working directory or its
	 * parent, whichever holds {@code deploy/}.
	 */
	public static Repository locate() {
		String configured = System.getProperty("sightline.repo.root");
		if (configured != null && !configured.isBlank()) {
			return new Repository(Path.of(configured));
		}
		Path here = Path.of("").toAbsolutePath();
		return new Repository(Files.isDirectory(here.resolve("deploy")) ? here : here.getParent());
	}

	public static Repository at(Path root) {
		return new Repository(root);
	}

	public Path root() {
		return this.root;
	}

	public Path path(String relative) {
		return this.root.resolve(relative);
	}

	public String read(String relative) {
		return read(path(relative));
	}

	public static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Files under a folder of the checkout whose names end with the suffix, sorted by relative path. */
	public List<Path> files(String folder, String suffix) {
		try (Stream<Path> walk = Files.walk(path(folder))) {
			return walk.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().endsWith(suffix))
				.sorted()
				.collect(Collectors.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The path relative to the checkout, with forward slashes. */
	public String relative(Path file) {
		return this.root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	/** One YAML document as maps, lists and scalars (merge keys resolved). */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> yamlMap(String text) {
		Object document = yaml().load(text);
		if (!(document instanceof Map)) {
			throw new IllegalArgumentException("not a YAML mapping");
		}
		return (Map<String, Object>) document;
	}

	/** Every non-empty document of a multi-document YAML text. */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(16 * 1024 * 1024);
		return new Yaml(new SafeConstructor(options));
	}

}
