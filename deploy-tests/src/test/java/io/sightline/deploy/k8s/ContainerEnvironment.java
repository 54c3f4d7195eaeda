package io.sightline.deploy.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;

/** A container's env list as the kubelet turns it into the process environment. */
public final class ContainerEnvironment {

	private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private ContainerEnvironment() {
	}

	/** Names of the variables a value refers to with $(NAME). */
	public static List<String> references(String value) {
		Matcher matcher = REFERENCE.matcher((value != null) ? value : "");
		List<String> names = new java.util.ArrayList<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * The values, with valueFrom answered by the function (given the EnvVar) and $(NAME) expanded from the
	 * variables defined before it, as the kubelet does (an unknown reference stays as written).
	 */
	public static Map<String, String> resolve(Container container, Function<EnvVar, String> valueFrom) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvVar variable : container.getEnv()) {
			String value = (variable.getValueFrom() != null) ? valueFrom.apply(variable) : variable.getValue();
			Matcher matcher = REFERENCE.matcher((value != null) ? value : "");
			StringBuilder expanded = new StringBuilder();
			while (matcher.find()) {
				String known = environment.get(matcher.group(1));
				matcher.appendReplacement(expanded, Matcher.quoteReplacement((known != null) ? known : matcher.group()));
			}
			matcher.appendTail(expanded);
			environment.put(variable.getName(), expanded.toString());
		}
		return environment;
	}

}
