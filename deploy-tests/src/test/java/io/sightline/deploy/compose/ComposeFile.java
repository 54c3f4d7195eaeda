package io.sightline.deploy.compose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.deploy.repository.Repository;

/**
 * {@code deploy/docker-compose.yml} as docker compose sees it with no variables set: {@code ${VAR:-default}}
 * becomes its default, YAML anchors and merge keys are resolved.
 */
public final class ComposeFile {

	public static final String PATH = "deploy/docker-compose.yml";

	public static final String CORE = "core";

	public static final String FULL = "full";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\\}");

	private final Path directory;

	private final Map<String, ComposeService> services;

	private ComposeFile(Path directory, Map<String, ComposeService> services) {
		this.directory = directory;
		this.services = services;
	}

	@SuppressWarnings("unchecked")
	public static ComposeFile load(Repository repository) {
		Map<String, Object> compose = Repository.yamlMap(interpolateDefaults(repository.read(PATH)));
		Map<String, ComposeService> services = new LinkedHashMap<>();
		((Map<String, Object>) compose.get("services")).forEach((name, definition) -> services.put(name,
				new ComposeService(name, (Map<String, Object>) definition)));
		return new ComposeFile(repository.path(PATH).getParent(), services);
	}

	/** Every ${VAR:-default} / ${VAR-default} as its default, a bare ${VAR} as empty, $$ as $. */
	static String interpolateDefaults(String text) {
		Matcher matcher = VARIABLE.matcher(text.replace("$$", "\u0000"));
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement((matcher.group(2) != null) ? matcher.group(2) : ""));
		}
		matcher.appendTail(out);
		return out.toString().replace("\u0000", "$");
	}

	public Map<String, ComposeService> services() {
		return this.services;
	}

	public ComposeService service(String name) {
		ComposeService service = this.services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("no compose service " + name);
		}
		return service;
	}

	/** The services `docker compose --profile NAME up` starts. */
	public Set<String> servicesIn(String profile) {
		Set<String> names = new TreeSet<>();
		this.services.values().stream()
			.filter((service) -> service.profiles().isEmpty() || service.profiles().contains(profile))
			.forEach((service) -> names.add(service.name()));
		return names;
	}

	/** A host path as the compose file writes it, resolved against the file's folder. */
	public Path resolve(String source) {
		return this.directory.resolve(source).normalize();
	}

	/** The host path behind a container path of the service (a mount point or a path below one), or fail. */
	public Path hostPathOf(String service, String containerPath) {
		for (ComposeService.BindMount mount : service(service).bindMounts()) {
			if (containerPath.equals(mount.target())) {
				return resolve(mount.source());
			}
			if (containerPath.startsWith(mount.target() + "/")) {
				return resolve(mount.source()).resolve(containerPath.substring(mount.target().length() + 1));
			}
		}
		throw new AssertionError(service + " mounts nothing at " + containerPath);
	}

}
