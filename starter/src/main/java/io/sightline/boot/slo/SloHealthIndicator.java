package io.sightline.boot.slo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.sightline.slo.AlertWindow;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code slo} health component: {@link #BURNING} while the page condition (1h and 5m windows both
 * above the page threshold) holds for any SLO, UP otherwise. BURNING is not in Boot's default status
 * order, so it leaves the aggregate status UP and answers HTTP 200, unless the user lists it in
 * {@code management.endpoint.health.status.order} (and maps it with
 * {@code management.endpoint.health.status.http-mapping.burning}).
 */
public class SloHealthIndicator implements HealthIndicator {

	/** An SLO's error budget burns at the page rate. */
	public static final Status BURNING = new Status("BURNING",
			"An SLO's error budget burns at the page rate over the 1h and 5m windows");

	private final SloMonitor monitor;

	public SloHealthIndicator(SloMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		boolean burning = false;
		Map<String, Object> details = new LinkedHashMap<>();
		for (SloState state : this.monitor.states()) {
			burning |= state.burning();
			details.put(state.name(), details(state));
		}
		return Health.status(burning ? BURNING : Status.UP).withDetails(details).build();
	}

	private Map<String, Object> details(SloState state) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("objective", state.objective().percent());
		Map<String, Object> burnRates = new LinkedHashMap<>();
		Map<String, Object> errorRatios = new LinkedHashMap<>();
		for (Duration window : SloWindows.MEASURED) {
			burnRates.put(SloWindows.label(window), state.burnRate(window));
			errorRatios.put(SloWindows.label(window), state.errorRatio(window));
		}
		details.put("burnRate", burnRates);
		details.put("errorRatio", errorRatios);
		if (SloWindows.PAGE.size() == 1) {
			details.put("pageThreshold", SloWindows.PAGE.get(0).factor(this.monitor.period()));
		}
		else {
			Map<String, Object> thresholds = new LinkedHashMap<>();
			for (AlertWindow page : SloWindows.PAGE) {
				thresholds.put(SloWindows.label(page.longWindow()) + "/" + SloWindows.label(page.shortWindow()),
						page.factor(this.monitor.period()));
			}
			details.put("pageThreshold", thresholds);
		}
		details.put("burning", state.burning());
		return details;
	}

}
