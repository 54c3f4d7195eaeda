package io.sightline.demo.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code /actuator/prometheus} answer (text format), parsed into samples. */
record Scrape(String text, List<Sample> samples) {

	private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... labelPairs) {
			for (int i = 0; i < labelPairs.length; i += 2) {
				if (!labelPairs[i + 1].equals(this.labels.get(labelPairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

	static Scrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line.trim());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("not a Prometheus sample line: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, parseValue(matcher.group(3))));
		}
		return new Scrape(text, samples);
	}

	private static double parseValue(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(value);
		};
	}

	/** Sum of the samples of this name whose labels include the given name/value pairs. */
	double sum(String name, String... labelPairs) {
		return this.samples.stream().filter((s) -> s.name().equals(name) && s.has(labelPairs)).mapToDouble(Sample::value).sum();
	}

	/** Whether any sample of this name exists. */
	boolean has(String name) {
		return this.samples.stream().anyMatch((s) -> s.name().equals(name));
	}

	/** Number of series (sample lines). */
	int series() {
		return this.samples.size();
	}

}
