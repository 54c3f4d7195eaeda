package io.sightline.slo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sightline.slo.MultiWindowAlerts;
import io.sightline.slo.rules.SloArtifacts;
import io.sightline.slo.spec.InvalidSpecException;

/**
 * {@code sightline-slo-generator --specs slo --prometheus prometheus --dashboard grafana/dashboards/sightline-slo.json}
 * writes the rules, promtool tests and dashboard; {@code --check} only reports drift. Exit codes: 0
 * done (or no drift), 1 drift, 2 invalid specs or usage (nothing written), 3 a file that cannot be
 * read or written, or an unexpected error (one line on stderr, never a stack trace).
 */
public final class SloGeneratorCli {

	static final String USAGE = """
			usage: sightline-slo-generator [--specs DIR] [--prometheus DIR] [--dashboard FILE] [--period 30d] [--check]
			  --specs       folder of SLO specs, one service per .yml (Sloth prometheus/v1 or sightline/v1); default slo
			  --prometheus  where rules/slo/<service>.yml and tests/slo/<service>.test.yml go; default prometheus
			  --dashboard   the Grafana SLO dashboard file; default grafana/dashboards/sightline-slo.json
			  --period      the SLO period, in days (e.g. 28d); default 30d
			  --check       write nothing; exit 1 if the files differ from what the specs generate""";

	private SloGeneratorCli() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Path specs = Path.of("slo");
		Path prometheus = Path.of("prometheus");
		Path dashboard = Path.of("grafana/dashboards/sightline-slo.json");
		Duration period = MultiWindowAlerts.DEFAULT_PERIOD;
		boolean check = false;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--specs" -> specs = Path.of(argument(args, ++i, "--specs"));
					case "--prometheus" -> prometheus = Path.of(argument(args, ++i, "--prometheus"));
					case "--dashboard" -> dashboard = Path.of(argument(args, ++i, "--dashboard"));
					case "--period" -> period = period(argument(args, ++i, "--period"));
					case "--check" -> check = true;
					case "--help", "-h" -> {
						out.println(USAGE);
						return 0;
					}
					default -> throw new IllegalArgumentException("unknown argument " + args[i]);
				}
			}
			if (!Files.isDirectory(specs)) {
				throw new IllegalArgumentException("--specs " + specs + " is not a folder");
			}
		}
		catch (IllegalArgumentException ex) {
			err.println("sightline-slo-generator: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try {
			SloArtifacts artifacts = SloArtifacts.generate(specs, prometheus, dashboard, period);
			if (check) {
				List<Path> drift = new ArrayList<>(artifacts.drift());
				drift.addAll(artifacts.stale(prometheus));
				drift.forEach((path) -> err.println("out of date: " + path));
				if (!drift.isEmpty()) {
					err.println("regenerate with: sightline-slo-generator (same arguments, without --check)");
					return 1;
				}
				out.println("up to date: " + artifacts.files().size() + " files");
				return 0;
			}
			artifacts.write(prometheus);
			artifacts.files().keySet().forEach((path) -> out.println("wrote " + path));
			return 0;
		}
		catch (InvalidSpecException ex) {
			err.println(ex.getMessage());
			err.println("nothing was written");
			return 2;
		}
		catch (IOException ex) {
			// a file that cannot be read or written is not a bad spec: the specs may be fine
			err.println("sightline-slo-generator: cannot read or write " + ex.getMessage() + " ("
					+ ex.getClass().getSimpleName() + ")");
			return UNEXPECTED_ERROR;
		}
		catch (RuntimeException ex) {
			// a bug of ours, not drift (1) nor a bad spec (2): one line, and its own exit code
			err.println("sightline-slo-generator: unexpected error: " + ex);
			return UNEXPECTED_ERROR;
		}
	}

	/** Exit code of an error that is neither drift nor a bad spec or usage. */
	static final int UNEXPECTED_ERROR = 3;

	private static String argument(String[] args, int index, String name) {
		if (index >= args.length) {
			throw new IllegalArgumentException(name + " needs a value");
		}
		return args[index];
	}

	private static Duration period(String text) {
		if (!text.matches("[1-9][0-9]*d")) {
			throw new IllegalArgumentException("--period must be whole days like 30d, was " + text);
		}
		return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
	}

}
