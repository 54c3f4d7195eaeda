package io.sightline.boot.slo;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.sightline.slo.AlertWindow;
import io.sightline.slo.MultiWindowAlerts;

/**
 * The windows the starter evaluates: the page alert windows of the shared model whose long window is
 * at most 1 hour (1h with 5m short). Longer windows are Prometheus's job.
 */
final class SloWindows {

	/** The longest window kept in memory. */
	static final Duration LONGEST = Duration.ofHours(1);

	/** The page conditions evaluated in-process. */
	static final List<AlertWindow> PAGE = MultiWindowAlerts.of(AlertWindow.Severity.PAGE)
		.stream()
		.filter((window) -> window.longWindow().compareTo(LONGEST) <= 0)
		.toList();

	/** Every window measured, shortest first: 5m, 1h. */
	static final List<Duration> MEASURED = PAGE.stream()
		.flatMap((window) -> Stream.of(window.shortWindow(), window.longWindow()))
		.distinct()
		.sorted()
		.toList();

	private SloWindows() {
	}

	/** A window as Prometheus and the generator's sloth_window label write it: 5m, 1h. */
	static String label(Duration window) {
		return MultiWindowAlerts.label(window);
	}

}
