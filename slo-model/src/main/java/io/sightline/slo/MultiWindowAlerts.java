package io.sightline.slo;

import java.time.Duration;
import java.util.List;

/**
 * The four standard windows: page on 2 % of the budget in 1 h (5 m short) or 5 % in 6 h (30 m short);
 * ticket on 10 % in 1 d (2 h short) or 10 % in 3 d (6 h short). For a 30-day period the factors are
 * 14.4, 6, 3 and 1.
 */
public final class MultiWindowAlerts {

	/** Sloth's and the workbook's default SLO period. */
	public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	private static final List<AlertWindow> STANDARD = List.of(
			new AlertWindow(AlertWindow.Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02),
			new AlertWindow(AlertWindow.Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05),
			new AlertWindow(AlertWindow.Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 0.10),
			new AlertWindow(AlertWindow.Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10));

	private MultiWindowAlerts() {
	}

	public static List<AlertWindow> standard() {
		return STANDARD;
	}

	/** The windows of one severity, in order. */
	public static List<AlertWindow> of(AlertWindow.Severity severity) {
		return STANDARD.stream().filter((window) -> window.severity() == severity).toList();
	}

	/**
	 * A window as Prometheus writes durations, and as the {@code sloth_window} label and the in-process
	 * gauges' {@code window} tag name it: 5m, 1h, 3d.
	 */
	public static String label(Duration window) {
		long seconds = window.toSeconds();
		if (seconds % 86_400 == 0) {
			return (seconds / 86_400) + "d";
		}
		if (seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

	/** Every distinct window the rules need a recording for, shortest first (5m … 3d). */
	public static List<Duration> recordedWindows() {
		return STANDARD.stream()
			.flatMap((window) -> java.util.stream.Stream.of(window.shortWindow(), window.longWindow()))
			.distinct()
			.sorted()
			.toList();
	}

}
