package io.sightline.deploy.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the compose file, read from its YAML definition.
 *
 * @param name the service name (and host name on the compose network)
 * @param definition its YAML mapping
 */
public record ComposeService(String name, Map<String, Object> definition) {

	public List<String> profiles() {
		return strings(this.definition.get("profiles"));
	}

	public String image() {
		return (String) this.definition.get("image");
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> build() {
		return (Map<String, Object>) this.definition.get("build");
	}

	/** Environment in either compose form (mapping or KEY=value list), values as strings. */
	public Map<String, String> environment() {
		Object environment = this.definition.get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> variables.put(String.valueOf(key), (value != null) ? String.valueOf(value) : ""));
		}
		else {
			for (String entry : strings(environment)) {
				int equals = entry.indexOf('=');
				variables.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		return variables;
	}

	/** Short-syntax bind mounts (a source starting with . or /). */
	public List<BindMount> bindMounts() {
		List<BindMount> mounts = new ArrayList<>();
		for (String volume : strings(this.definition.get("volumes"))) {
			String[] parts = volume.split(":");
			if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
				mounts.add(new BindMount(parts[0], parts[1], parts.length > 2 && parts[2].contains("ro")));
			}
		}
		return mounts;
	}

	/** Host ports this service publishes ("8080:8080", "127.0.0.1:8080:8080"). */
	public List<Integer> publishedPorts() {
		List<Integer> ports = new ArrayList<>();
		for (String port : strings(this.definition.get("ports"))) {
			String[] parts = port.split(":");
			ports.add(Integer.parseInt(parts[parts.length - 2]));
		}
		return ports;
	}

	/** Service depended on to its condition (service_started for the short list form). */
	public Map<String, String> dependsOn() {
		Object dependsOn = this.definition.get("depends_on");
		Map<String, String> conditions = new LinkedHashMap<>();
		if (dependsOn instanceof Map<?, ?> map) {
			map.forEach((service, spec) -> conditions.put(String.valueOf(service),
					String.valueOf(((Map<?, ?>) spec).get("condition"))));
		}
		else {
			strings(dependsOn).forEach((service) -> conditions.put(service, "service_started"));
		}
		return conditions;
	}

	public boolean hasHealthcheck() {
		Object healthcheck = this.definition.get("healthcheck");
		return healthcheck instanceof Map<?, ?> map && map.get("test") != null && !Boolean.TRUE.equals(map.get("disable"));
	}

	public List<String> command() {
		return strings(this.definition.get("command"));
	}

	/** mem_limit in bytes, or 0 when none is set. */
	public long memoryLimitBytes() {
		Object limit = this.definition.get("mem_limit");
		return (limit != null) ? parseBytes(String.valueOf(limit)) : 0;
	}

	static long parseBytes(String size) {
		String text = size.trim().toLowerCase(Locale.ROOT).replaceAll("b$", "");
		long unit = switch (text.charAt(text.length() - 1)) {
			case 'k' -> 1024L;
			case 'm' -> 1024L * 1024;
			case 'g' -> 1024L * 1024 * 1024;
			default -> 1L;
		};
		String number = (unit == 1) ? text : text.substring(0, text.length() - 1);
		return Long.parseLong(number) * unit;
	}

	private static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> strings.add(String.valueOf(item)));
		}
		else if (value != null) {
			strings.add(String.valueOf(value));
		}
		return strings;
	}

	/**
	 * A bind mount.
	 *
	 * @param source path on the host, relative to the compose file's folder
	 * @param target path in the container
	 * @param readOnly mounted read-only
	 */
	public record BindMount(String source, String target, boolean readOnly) {
	}

}
