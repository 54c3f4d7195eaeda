package io.sightline.slo.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.sightline.slo.AlertWindow;
import io.sightline.slo.MultiWindowAlerts;
import io.sightline.slo.SloBuckets;
import io.sightline.slo.grafana.SloDashboard;
import io.sightline.slo.spec.InvalidSpecException;
import io.sightline.slo.spec.SloSpec;
import io.sightline.slo.spec.SloSpecReader;

/**
 * Everything generated from a folder of specs, as file contents by relative path: the rule file and
 * promtool tests per service under the Prometheus folder, and one Grafana SLO dashboard. Built fully
 * in memory, so an invalid spec means nothing is written.
 */
public final class SloArtifacts {

	/** Where rule files go, under the Prometheus folder. */
	public static final String RULES_DIR = "rules/slo";

	/** Where promtool tests go, under the Prometheus folder. */
	public static final String TESTS_DIR = "tests/slo";

	private final Map<Path, String> files;

	private SloArtifacts(Map<Path, String> files) {
		this.files = files;
	}

	/**
	 * @param specDir the specs, one service per {@code .yml}/{@code .yaml} file
	 * @param prometheusDir where rules and tests go
	 * @param dashboard the dashboard file
	 * @param period the SLO period
	 * @throws InvalidSpecException naming every problem of every spec
	 */
	public static SloArtifacts generate(Path specDir, Path prometheusDir, Path dashboard, Duration period)
			throws IOException {
		List<Path> specFiles;
		try (Stream<Path> listing = Files.list(specDir)) {
			specFiles = listing.filter((file) -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
		List<String> problems = new ArrayList<>();
		Map<String, SloSpec> specs = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		for (Path file : specFiles) {
			String source = specDir.getFileName() + "/" + file.getFileName();
			try {
				List<SloSpec> read = SloSpecReader.readAll(source, Files.readString(file, StandardCharsets.UTF_8),
						SloBuckets.HTTP_DEFAULT);
				for (int i = 0; i < read.size(); i++) {
					SloSpec spec = read.get(i);
					String document = (read.size() > 1) ? source + " (document " + (i + 1) + ")" : source;
					if (specs.containsKey(spec.service())) {
						problems.add(document + ": service \"" + spec.service() + "\" is already specified in "
								+ sources.get(spec.service()) + "; one spec per service");
						continue;
					}
					specs.put(spec.service(), spec);
					sources.put(spec.service(), document);
				}
			}
			catch (InvalidSpecException ex) {
				problems.add(ex.getMessage());
			}
		}
		if (specFiles.isEmpty()) {
			problems.add("no .yml or .yaml spec in " + specDir);
		}
		if (!problems.isEmpty()) {
			throw new InvalidSpecException(specDir.toString(), problems);
		}
		SloRuleGenerator rules = new SloRuleGenerator(period);
		PromtoolTestGenerator tests = new PromtoolTestGenerator(rules);
		Map<Path, String> files = new TreeMap<>();
		List<SloDashboard.Slo> panels = new ArrayList<>();
		for (SloSpec spec : specs.values()) {
			String source = sources.get(spec.service());
			Path rulesFile = prometheusDir.resolve(RULES_DIR).resolve(spec.service() + ".yml");
			files.put(rulesFile, rules.rules(spec, source));
			Path testFile = prometheusDir.resolve(TESTS_DIR).resolve(spec.service() + ".test.yml");
			tests.tests(spec, source, testFile.getParent().relativize(rulesFile).toString().replace('\\', '/'))
				.ifPresent((content) -> files.put(testFile, content));
			List<SloSpec.Slo> alertOnly = PromtoolTestGenerator.alertOnly(spec);
			if (!alertOnly.isEmpty()) {
				// PromQL SLIs: their alert rules alone, tested on ratio series
				Path alertRules = prometheusDir.resolve(TESTS_DIR).resolve(spec.service() + ".alerts.yml");
				files.put(alertRules, rules.alertRules(spec, alertOnly, source));
				Path alertTests = prometheusDir.resolve(TESTS_DIR).resolve(spec.service() + ".alerts.test.yml");
				files.put(alertTests, tests.alertTests(spec, source, alertRules.getFileName().toString()).orElseThrow());
			}
			for (SloSpec.Slo slo : spec.slos()) {
				panels.add(new SloDashboard.Slo(spec.service(), slo.name(), slo.description(), slo.objective().percent(),
						period, (slo.alerting() != null) ? slo.alerting().name() : null, thresholds(period)));
			}
		}
		files.put(dashboard, SloDashboard.render("Sightline / SLOs", panels));
		return new SloArtifacts(files);
	}

	private static List<SloDashboard.BurnThreshold> thresholds(Duration period) {
		return MultiWindowAlerts.standard()
			.stream()
			.map((window) -> new SloDashboard.BurnThreshold(
					window.severity() == AlertWindow.Severity.PAGE ? "page" : "ticket", window.longWindow(),
					window.shortWindow(), window.factor(period)))
			.toList();
	}

	/** Contents by path. */
	public Map<Path, String> files() {
		return this.files;
	}

	/** The paths whose content on disk differs from what is generated (missing files included). */
	public List<Path> drift() throws IOException {
		List<Path> drifted = new ArrayList<>();
		for (Map.Entry<Path, String> file : this.files.entrySet()) {
			if (!Files.isRegularFile(file.getKey())
					|| !Files.readString(file.getKey(), StandardCharsets.UTF_8).equals(file.getValue())) {
				drifted.add(file.getKey());
			}
		}
		return drifted;
	}

	/** Writes every file, and removes generated files of services that no longer have a spec. */
	public void write(Path prometheusDir) throws IOException {
		for (Path dir : List.of(prometheusDir.resolve(RULES_DIR), prometheusDir.resolve(TESTS_DIR))) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> stale = Files.list(dir)) {
					for (Path file : stale.filter((f) -> !this.files.containsKey(f)).toList()) {
						Files.delete(file);
					}
				}
			}
		}
		for (Map.Entry<Path, String> file : this.files.entrySet()) {
			// a bare file name ("dash.json") has no parent of its own: it goes in the working directory
			Files.createDirectories(file.getKey().toAbsolutePath().getParent());
			Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
		}
	}

	/** Generated files in the Prometheus folder that no spec produces any more. */
	public List<Path> stale(Path prometheusDir) throws IOException {
		List<Path> stale = new ArrayList<>();
		for (Path dir : List.of(prometheusDir.resolve(RULES_DIR), prometheusDir.resolve(TESTS_DIR))) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> listing = Files.list(dir)) {
					listing.filter((f) -> !this.files.containsKey(f)).sorted().forEach(stale::add);
				}
			}
		}
		return stale;
	}

}
