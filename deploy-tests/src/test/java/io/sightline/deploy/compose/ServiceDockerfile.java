package io.sightline.deploy.compose;

import java.util.ArrayList;
import java.util.List;

import io.sightline.deploy.repository.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code deploy/service.Dockerfile} as instructions (continuation lines joined, comments dropped). */
public final class ServiceDockerfile {

	public static final String PATH = "deploy/service.Dockerfile";

	private final List<String[]> instructions;

	private ServiceDockerfile(List<String[]> instructions) {
		this.instructions = instructions;
	}

	public static ServiceDockerfile load(Repository repository) {
		List<String[]> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : repository.read(PATH).split("\n")) {
			String trimmed = line.trim();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String instruction = current.toString().trim();
			current.setLength(0);
			if (!instruction.isEmpty()) {
				int space = instruction.indexOf(' ');
				instructions.add(new String[] { instruction.substring(0, space), instruction.substring(space + 1).trim() });
			}
		}
		return new ServiceDockerfile(instructions);
	}

	/** Arguments of every instruction of that name, in order. */
	public List<String> all(String name) {
		List<String> arguments = new ArrayList<>();
		for (String[] instruction : this.instructions) {
			if (instruction[0].equalsIgnoreCase(name)) {
				arguments.add(instruction[1]);
			}
		}
		return arguments;
	}

	/** The image the final stage starts from. */
	public String runtimeBaseImage() {
		List<String> from = all("FROM");
		return from.get(from.size() - 1).split("\\s+")[0];
	}

	/** Instructions of the final stage only. */
	public List<String> runtime(String name) {
		List<String> arguments = new ArrayList<>();
		for (String[] instruction : this.instructions) {
			if (instruction[0].equalsIgnoreCase("FROM")) {
				arguments.clear();
			}
			else if (instruction[0].equalsIgnoreCase(name)) {
				arguments.add(instruction[1]);
			}
		}
		return arguments;
	}

	/** The exec-form ENTRYPOINT of the final stage. */
	public List<String> entrypoint() {
		List<String> entrypoints = runtime("ENTRYPOINT");
		JsonNode array = JsonMapper.builder().build().readTree(entrypoints.get(entrypoints.size() - 1));
		List<String> command = new ArrayList<>();
		array.forEach((part) -> command.add(part.asString()));
		return command;
	}

}
