package io.sightline.boot.slo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.sightline.slo.spec.InvalidSpecException;
import io.sightline.slo.spec.SloSpec;
import io.sightline.slo.spec.SloSpecReader;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Finds and reads the service's SLO spec with the generator's reader. */
final class SloSpecLoader {

	private SloSpecLoader() {
	}

	/** The spec's location with placeholders (the default's spring.application.name) resolved. */
	static String location(Environment environment, String configured) {
		return environment.resolvePlaceholders(configured).trim();
	}

	/** Whether a spec resource exists at the location (an unresolved placeholder never does). */
	static boolean exists(ResourceLoader resourceLoader, String location) {
		if (location.contains("${")) {
			return false;
		}
		try {
			return resourceLoader.getResource(location).exists();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Reads the spec; latency thresholds must be among the buckets the starter publishes.
	 * @throws InvalidSloSpecException naming the location and every problem
	 */
	static SloSpec load(ResourceLoader resourceLoader, String location, List<Duration> buckets) {
		Resource resource = resourceLoader.getResource(location);
		String yaml;
		try (InputStream in = resource.getInputStream()) {
			yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidSloSpecException(location, List.of("cannot be read: " + ex.getMessage()), ex);
		}
		try {
			return SloSpecReader.read(location, yaml, buckets);
		}
		catch (InvalidSpecException ex) {
			throw new InvalidSloSpecException(location, ex.problems(), ex);
		}
	}

}
