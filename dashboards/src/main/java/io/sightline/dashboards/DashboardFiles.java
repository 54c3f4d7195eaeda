package io.sightline.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator of {@code grafana/dashboards/*.json} (all but {@code sightline-slo.json}, which
 * sightline-slo-generator writes): {@code DashboardFilesTests} fails when a file differs from what is generated and
 * rewrites them with {@code -Dsightline.regenerate=true}; {@link #main} writes them too.
 */
public final class DashboardFiles {

	/** Every title of the menu starts with it. */
	public static final String TITLE_PREFIX = "Sightline / ";

	private DashboardFiles() {
	}

	/** Every dashboard, in menu order. */
	public static List<Dashboard> dashboards() {
		return List.of(OverviewDashboard.build(), ServiceDashboard.build(), ServiceMapDashboard.build(),
				KafkaSagaDashboard.build(), ResilienceDashboard.build(), JvmDashboard.build(),
				TelemetryDashboard.build());
	}

	/** File name ({@code <uid>.json}) to JSON, sorted by file name; byte-identical from run to run. */
	public static Map<String, String> generate() {
		Map<String, String> files = new TreeMap<>();
		for (Dashboard dashboard : dashboards()) {
			String title = dashboard.ref().title();
			if (!title.startsWith(TITLE_PREFIX) || title.length() == TITLE_PREFIX.length()) {
				throw new IllegalStateException("a dashboard title reads '" + TITLE_PREFIX + "...', was " + title);
			}
			if (files.put(dashboard.fileName(), dashboard.render()) != null) {
				throw new IllegalStateException("two dashboards with uid " + dashboard.ref().uid());
			}
		}
		return files;
	}

	/** Writes the files into the directory (default {@code grafana/dashboards}). */
	public static void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		for (Map.Entry<String, String> file : generate().entrySet()) {
			Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of((args.length > 0) ? args[0] : "grafana/dashboards");
		write(directory);
		System.out.println("wrote " + generate().size() + " dashboards to " + directory.toAbsolutePath());
	}

}
