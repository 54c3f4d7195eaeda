package io.sightline.demo.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes measured tables into {@code docs/reliability.md}, between {@code <!-- id:begin -->} and
 * {@code <!-- id:end -->}, when the run is started with {@code -Dsightline.reliability.write=true}.
 * Every table is printed to the console in any case.
 */
final class ReliabilityReport {

	static final String COMMAND = "./mvnw -pl demo-services/launcher -am verify -Dit.test='BadInputIT,ReliabilityIT' "
			+ "-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "
			+ "-Dsightline.reliability.write=true";

	private ReliabilityReport() {
	}

	static boolean writing() {
		return Boolean.getBoolean("sightline.reliability.write");
	}

	/** The line that opens every generated section: date, machine and the command. */
	static String provenance(String command) {
		return String.format("Measured %s on %d cores (%s, Java %s, %s). Command:%n%n```%n%s%n```%n", LocalDate.now(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
				System.getProperty("java.version"), "agent mode: sightline-javaagent.jar", command);
	}

	static void print(String title, String markdown) {
		System.out.printf("%n=== %s ===%n%s%n", title, markdown);
	}

	/** Replaces the section; the markers must exist in the file. */
	static void write(String id, String markdown) throws IOException {
		if (!writing()) {
			return;
		}
		Path doc = Path.of(System.getProperty("sightline.reliability.doc", "../../docs/reliability.md"));
		String text = Files.readString(doc, StandardCharsets.UTF_8);
		String begin = "<!-- " + id + ":begin -->";
		String end = "<!-- " + id + ":end -->";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalStateException(doc + " has no " + begin + " … " + end + " section");
		}
		String updated = text.substring(0, from + begin.length()) + "\n" + markdown.strip() + "\n" + text.substring(to);
		Files.writeString(doc, updated, StandardCharsets.UTF_8);
	}

}
