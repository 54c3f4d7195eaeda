package io.sightline.boot.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one identity of a running service, put on every span, log line and metric.
 *
 * @param serviceName {@code service.name}, from {@code spring.application.name}
 * @param environment {@code deployment.environment.name}, from {@code sightline.environment}
 * @param version {@code service.version}, from build-info or the jar manifest
 * @param releaseId {@code sightline.release.id}, unique per build
 * @param instanceId {@code service.instance.id}, unique per process
 */
public record SightlineIdentity(String serviceName, String environment, String version, String releaseId,
		String instanceId) {

	public static final String SERVICE_NAME = "service.name";

	public static final String ENVIRONMENT = "deployment.environment.name";

	public static final String VERSION = "service.version";

	public static final String RELEASE_ID = "sightline.release.id";

	public static final String INSTANCE_ID = "service.instance.id";

	/** Attribute names as OpenTelemetry semantic conventions spell them, for span tags and resources. */
	public Map<String, String> asAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(SERVICE_NAME, this.serviceName);
		attributes.put(ENVIRONMENT, this.environment);
		attributes.put(VERSION, this.version);
		attributes.put(RELEASE_ID, this.releaseId);
		attributes.put(INSTANCE_ID, this.instanceId);
		return attributes;
	}

}
