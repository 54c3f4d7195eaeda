package io.sightline.deploy.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sightline.deploy.repository.Repository;

/**
 * An OpenTelemetry Collector configuration, as the collector builds it from one or more {@code --config}
 * files: maps merged key by key, lists and scalars of a later file replacing earlier ones.
 */
public final class CollectorConfig {

	private static final List<String> PIPELINE_PARTS = List.of("receivers", "processors", "exporters");

	private final Map<String, Object> root;

	private CollectorConfig(Map<String, Object> root) {
		this.root = root;
	}

	public static CollectorConfig of(String... files) {
		Map<String, Object> merged = new LinkedHashMap<>();
		for (String file : files) {
			merge(merged, Repository.yamlMap(file));
		}
		return new CollectorConfig(merged);
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> into, Map<String, Object> from) {
		from.forEach((key, value) -> {
			Object existing = into.get(key);
			if (existing instanceof Map && value instanceof Map) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
				merge(copy, (Map<String, Object>) value);
				into.put(key, copy);
			}
			else {
				into.put(key, value);
			}
		});
	}

	/** The components defined in a top-level section (receivers, processors, exporters, extensions, connectors). */
	@SuppressWarnings("unchecked")
	public Map<String, Object> section(String name) {
		Object section = this.root.get(name);
		return (section instanceof Map) ? (Map<String, Object>) section : Map.of();
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> component(String section, String id) {
		Object component = section(section).get(id);
		return (component instanceof Map) ? (Map<String, Object>) component : Map.of();
	}

	/** Pipeline id to its part (receivers, processors, exporters) to the component ids, in order. */
	@SuppressWarnings("unchecked")
	public Map<String, Map<String, List<String>>> pipelines() {
		Map<String, Object> service = (Map<String, Object>) this.root.getOrDefault("service", Map.of());
		Map<String, Object> pipelines = (Map<String, Object>) service.getOrDefault("pipelines", Map.of());
		Map<String, Map<String, List<String>>> result = new LinkedHashMap<>();
		pipelines.forEach((id, pipeline) -> {
			Map<String, List<String>> parts = new LinkedHashMap<>();
			for (String part : PIPELINE_PARTS) {
				parts.put(part, (List<String>) ((Map<String, Object>) pipeline).getOrDefault(part, List.of()));
			}
			result.put(id, parts);
		});
		return result;
	}

	@SuppressWarnings("unchecked")
	public List<String> serviceExtensions() {
		Map<String, Object> service = (Map<String, Object>) this.root.getOrDefault("service", Map.of());
		return (List<String>) service.getOrDefault("extensions", List.of());
	}

	/**
	 * What the collector would refuse at start-up: a pipeline without receivers or exporters, a reference to
	 * a component that no section defines, an enabled extension that is not defined.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (pipelines().isEmpty()) {
			problems.add("no pipeline in service.pipelines");
		}
		pipelines().forEach((pipeline, parts) -> {
			for (String part : PIPELINE_PARTS) {
				List<String> ids = parts.get(part);
				if (!part.equals("processors") && ids.isEmpty()) {
					problems.add(pipeline + " has no " + part);
				}
				for (String id : ids) {
					boolean connector = !part.equals("processors") && section("connectors").containsKey(id);
					if (!section(part).containsKey(id) && !connector) {
						problems.add(pipeline + " uses " + part + " '" + id + "', which is not defined");
					}
				}
			}
		});
		for (String extension : serviceExtensions()) {
			if (!section("extensions").containsKey(extension)) {
				problems.add("service.extensions uses '" + extension + "', which is not defined");
			}
		}
		return problems;
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> tailSamplingPolicies() {
		return (List<Map<String, Object>>) component("processors", "tail_sampling").getOrDefault("policies", List.of());
	}

	/** The endpoint of every exporter that has one. */
	public Map<String, String> exporterEndpoints() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		section("exporters").keySet().forEach((id) -> {
			Object endpoint = component("exporters", id).get("endpoint");
			if (endpoint != null) {
				endpoints.put(id, String.valueOf(endpoint));
			}
		});
		return endpoints;
	}

}
