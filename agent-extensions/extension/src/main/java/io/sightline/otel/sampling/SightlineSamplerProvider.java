package io.sightline.otel.sampling;

import java.util.ArrayList;
import java.util.List;

import com.google.auto.service.AutoService;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.sightline.otel.config.AgentSettings;

/**
 * The {@code sightline} sampler ({@code otel.traces.sampler=sightline}, Sightline's default):
 * parent-based; for root spans it drops server spans of probe and scrape paths
 * ({@link #DEFAULT_DROP_PATHS} plus {@code sightline.sampler.drop-paths}) and database calls outside any
 * trace (startup scripts; {@code sightline.sampler.drop-root-database-spans=false} keeps them), and samples
 * the rest at {@code sightline.sampler.ratio} (default 1.0).
 */
@AutoService(ConfigurableSamplerProvider.class)
public class SightlineSamplerProvider implements ConfigurableSamplerProvider {

	public static final String NAME = "sightline";

	public static final List<String> DEFAULT_DROP_PATHS = List.of("/actuator", "/actuator/**", "/health",
			"/health/**", "/metrics", "/prometheus", "/livez", "/readyz");

	@Override
	public Sampler createSampler(ConfigProperties config) {
		double ratio = config.getDouble(AgentSettings.SAMPLER_RATIO, 1.0);
		if (!(ratio >= 0.0 && ratio <= 1.0)) {
			throw new ConfigurationException(AgentSettings.SAMPLER_RATIO + " must be between 0 and 1, was " + ratio);
		}
		List<String> dropPaths = new ArrayList<>(DEFAULT_DROP_PATHS);
		for (String path : config.getList(AgentSettings.SAMPLER_DROP_PATHS)) {
			if (!path.isBlank()) {
				dropPaths.add(path.trim());
			}
		}
		Sampler root = new PathDropSampler(dropPaths, Sampler.traceIdRatioBased(ratio));
		if (config.getBoolean(AgentSettings.SAMPLER_DROP_ROOT_DATABASE_SPANS, true)) {
			root = new RootDatabaseSpanDropSampler(root);
		}
		return Sampler.parentBased(root);
	}

	@Override
	public String getName() {
		return NAME;
	}

}
