package io.sightline.adoption;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The future cross-mode contract, captured: per request, the shape of its trace ({@link TraceShape}:
 * span kinds and names, tag keys, counts) in each {@link ClinicMode}, plus how many spans each mode
 * exported for actuator traffic. {@link #differences()} describes, as text, every way the modes differ;
 * the tests print it as information.
 * <p>
 * It asserts no equality yet: agentless parity (JDBC spans via an observation library, the OTel
 * semantic-convention names and keys, actuator not traced) is issue 18 point 2, and the equality
 * assertion, {@code differences()} being empty, arrives with it.
 */
public final class ModeShapes {

	private final Map<String, Map<ClinicMode, TraceShape>> requests = new LinkedHashMap<>();

	private final Map<ClinicMode, Integer> actuatorSpans = new EnumMap<>(ClinicMode.class);

	/** Records the shape of a request's trace in one mode; requests keep the order they were first recorded in. */
	public void record(String request, ClinicMode mode, TraceShape shape) {
		this.requests.computeIfAbsent(request, (key) -> new EnumMap<>(ClinicMode.class)).put(mode, shape);
	}

	/** Records how many spans of actuator requests the mode's Zipkin holds. */
	public void recordActuatorSpans(ClinicMode mode, int spans) {
		this.actuatorSpans.put(mode, spans);
	}

	public TraceShape shape(String request, ClinicMode mode) {
		return this.requests.getOrDefault(request, Map.of()).get(mode);
	}

	/** The recorded number of actuator spans of the mode, or null. */
	public Integer actuatorSpans(ClinicMode mode) {
		return this.actuatorSpans.get(mode);
	}

	/** Every difference between agentless and agent mode, one line each; empty when the modes agree. */
	public List<String> differences() {
		List<String> lines = new ArrayList<>();
		this.requests.forEach((request, shapes) -> {
			TraceShape agentless = shapes.get(ClinicMode.AGENTLESS);
			TraceShape agent = shapes.get(ClinicMode.AGENT);
			if (agentless == null || agent == null) {
				lines.add(request + ": recorded only " + shapes.keySet());
				return;
			}
			if (agentless.equals(agent)) {
				return;
			}
			lines.add(request + ": " + agentless.spans().size() + " span(s) agentless, " + agent.spans().size()
					+ " with the agent");
			spansOnlyIn(agentless, agent).forEach((span, count) -> lines.add("  only agentless: " + count + " x " + span));
			spansOnlyIn(agent, agentless).forEach((span, count) -> lines.add("  only agent:     " + count + " x " + span));
			Set<String> kinds = new TreeSet<>(agentless.kinds());
			kinds.addAll(agent.kinds());
			for (String kind : kinds) {
				Set<String> onlyAgentless = minus(agentless.tagKeys(kind), agent.tagKeys(kind));
				Set<String> onlyAgent = minus(agent.tagKeys(kind), agentless.tagKeys(kind));
				if (!onlyAgentless.isEmpty()) {
					lines.add("  " + kind + " tag keys only agentless: " + onlyAgentless);
				}
				if (!onlyAgent.isEmpty()) {
					lines.add("  " + kind + " tag keys only agent:     " + onlyAgent);
				}
			}
		});
		Integer agentless = this.actuatorSpans.get(ClinicMode.AGENTLESS);
		Integer agent = this.actuatorSpans.get(ClinicMode.AGENT);
		if (agentless == null || agent == null) {
			if (!this.actuatorSpans.isEmpty()) {
				lines.add("actuator spans: recorded only " + this.actuatorSpans);
			}
		}
		else if (!agentless.equals(agent)) {
			lines.add("actuator spans (startup readiness polls, then /actuator/health and /actuator/prometheus): "
					+ agentless + " agentless, " + agent + " with the agent");
		}
		return lines;
	}

	/** The report the tests print: each mode's counts per request, then the differences. */
	public String report() {
		StringBuilder report = new StringBuilder("=== Span shape per request, agentless vs agent (issue 18 point 2) ===\n");
		this.requests.forEach((request, shapes) -> shapes.forEach((mode, shape) -> report.append(request)
			.append(" [")
			.append(mode.label())
			.append("] ")
			.append(shape.counts())
			.append('\n')));
		List<String> differences = differences();
		report.append(differences.isEmpty() ? "--- no difference ---\n" : "--- differences ---\n");
		differences.forEach((line) -> report.append(line).append('\n'));
		return report.toString();
	}

	/** Spans (kind and name) of {@code shape} that {@code other} lacks, with how many more. */
	private static Map<String, Long> spansOnlyIn(TraceShape shape, TraceShape other) {
		Map<String, Long> extra = new TreeMap<>();
		Map<String, Long> otherCounts = other.counts();
		shape.counts().forEach((span, count) -> {
			long more = count - otherCounts.getOrDefault(span, 0L);
			if (more > 0) {
				extra.put(span, more);
			}
		});
		return extra;
	}

	private static Set<String> minus(Set<String> keys, Set<String> other) {
		Set<String> rest = new TreeSet<>(keys);
		rest.removeAll(other);
		return rest;
	}

}
