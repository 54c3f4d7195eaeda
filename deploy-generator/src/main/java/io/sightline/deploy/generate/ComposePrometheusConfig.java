package io.sightline.deploy.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sightline.deploy.repository.Repository;

/**
 * docker compose's Prometheus config, {@code deploy/prometheus/prometheus.yml}: {@code prometheus/prometheus.yml}
 * with three changes, everything else (jobs, labels, relabelling, exemplar storage, comments) as it is there.
 * <ul>
 * <li>Each {@code 127.0.0.1:port} becomes {@code host:port}, the host being the {@code application} label of
 * the scrape target with that address: the compose services are named after the applications.</li>
 * <li>Each rule file glob {@code rules/...} becomes {@code /etc/prometheus/rules/...}, where docker-compose.yml
 * mounts {@code prometheus/rules}; the comment above {@code rule_files:} says so.</li>
 * <li>The first paragraph of the leading comment, on running the file from the checkout, gives way to the
 * generated-file header.</li>
 * </ul>
 * An address without such a target, or a config without {@code rule_files:}, is refused.
 */
public final class ComposePrometheusConfig {

	public static final String SOURCE = "prometheus/prometheus.yml";

	public static final String TARGET = "deploy/prometheus/prometheus.yml";

	/** Where docker-compose.yml mounts the repository's {@code prometheus/rules}. */
	public static final String RULES_MOUNT = "/etc/prometheus/rules/";

	private static final Pattern LOOPBACK_ADDRESS = Pattern.compile("127\\.0\\.0\\.1:([0-9]+)");

	private static final Pattern RULE_GLOB = Pattern.compile("^(\\s*- )rules/");

	private static final String RULE_FILES = "rule_files:";

	private ComposePrometheusConfig() {
	}

	static String render(Repository repository) {
		return render(repository.read(SOURCE));
	}

	static String render(String source) {
		Map<String, String> hosts = hostsByAddress(Repository.yamlMap(source));
		List<String> lines = new ArrayList<>(source.lines().toList());
		int start = 0;
		while (start < lines.size() && lines.get(start).startsWith("#") && !lines.get(start).equals("#")) {
			start++;
		}
		if (start < lines.size() && lines.get(start).equals("#")) {
			start++;
		}
		StringBuilder out = new StringBuilder(DeployFiles.header(ComposePrometheusConfig.class, SOURCE,
				List.of("docker compose's Prometheus config: compose host names instead of 127.0.0.1, and the rule files",
						"where compose mounts them. Started with --enable-feature=exemplar-storage (see docker-compose.yml).")));
		if (start > 0 && start < lines.size() && lines.get(start).startsWith("#")) {
			out.append("#\n");
		}
		List<String> body = lines.subList(start, lines.size());
		int ruleFiles = body.indexOf(RULE_FILES);
		if (ruleFiles < 0) {
			throw new IllegalStateException(SOURCE + ": no top-level '" + RULE_FILES + "'");
		}
		int comment = ruleFiles;
		while (comment > 0 && body.get(comment - 1).startsWith("#")) {
			comment--;
		}
		for (int i = 0; i < body.size(); i++) {
			if (i == comment) {
				out.append("# compose mounts ../prometheus/rules here (read-only)\n");
			}
			if (i >= comment && i < ruleFiles) {
				continue;
			}
			String line = RULE_GLOB.matcher(body.get(i)).replaceFirst("$1" + Matcher.quoteReplacement(RULES_MOUNT));
			out.append(replaceAddresses(line, hosts)).append('\n');
		}
		return out.toString();
	}

	/** {@code 127.0.0.1:9080} to {@code gateway}, from each scrape target's {@code application} label. */
	private static Map<String, String> hostsByAddress(Map<String, Object> config) {
		Map<String, String> hosts = new LinkedHashMap<>();
		for (Object job : list(config.get("scrape_configs"))) {
			for (Object staticConfig : list(map(job).get("static_configs"))) {
				Object application = map(map(staticConfig).get("labels")).get("application");
				for (Object target : list(map(staticConfig).get("targets"))) {
					if (application != null) {
						hosts.put(String.valueOf(target), String.valueOf(application));
					}
				}
			}
		}
		return hosts;
	}

	private static String replaceAddresses(String line, Map<String, String> hosts) {
		Matcher address = LOOPBACK_ADDRESS.matcher(line);
		StringBuilder out = new StringBuilder();
		while (address.find()) {
			String host = hosts.get(address.group());
			if (host == null) {
				throw new IllegalStateException(SOURCE + ": no scrape target " + address.group()
						+ " with an application label, so no compose service to put in its place");
			}
			address.appendReplacement(out, Matcher.quoteReplacement(host + ":" + address.group(1)));
		}
		address.appendTail(out);
		return out.toString();
	}

	private static Map<?, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

}
