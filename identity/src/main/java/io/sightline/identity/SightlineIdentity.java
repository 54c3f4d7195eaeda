package io.sightline.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one identity of a running service, put on every span, log line and metric. The starter and the
 * agent extension both build it with {@link #derive}, each from its own configuration sources.
 *
 * @param serviceName {@code service.name}, from {@code spring.application.name}; null where the agent's
 * own detector names the service
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

	/** The keys {@link #spanAttributes()} puts on each span; service.name travels on its own. */
	public static final List<String> SPAN_KEYS = List.of(ENVIRONMENT, VERSION, RELEASE_ID, INSTANCE_ID);

	/** The environment when {@code sightline.environment} is not set. */
	public static final String DEFAULT_ENVIRONMENT = "local";

	/**
	 * Derives the identity; blank settings count as unset.
	 * @param serviceName {@code spring.application.name}, or null where another component names the service
	 * @param environment {@code sightline.environment}, else {@value #DEFAULT_ENVIRONMENT}
	 * @param releaseId {@code sightline.release.id}, else derived by {@link ReleaseIdentity#releaseId}
	 * @param instanceId {@code sightline.instance-id}, else {@link ReleaseIdentity#processInstanceId()}
	 * @param build the build's metadata files
	 * @param manifestVersion the launched jar's Implementation-Version; may be null
	 */
	public static SightlineIdentity derive(String serviceName, String environment, String releaseId,
			String instanceId, BuildMetadata build, String manifestVersion) {
		String version = ReleaseIdentity.version(build.buildInfo(), manifestVersion);
		return new SightlineIdentity(trimmed(serviceName, null), trimmed(environment, DEFAULT_ENVIRONMENT), version,
				ReleaseIdentity.releaseId(releaseId, build.buildInfo(), build.git(), version, build.artifact()),
				trimmed(instanceId, ReleaseIdentity.processInstanceId()));
	}

	/** Whether the version came from neither build-info nor a manifest. */
	public boolean versionUnknown() {
		return ReleaseIdentity.UNKNOWN_VERSION.equals(this.version);
	}

	/** The attributes every span carries, keyed as in {@link #SPAN_KEYS}: what each span tagger puts on. */
	public Map<String, String> spanAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(ENVIRONMENT, this.environment);
		attributes.put(VERSION, this.version);
		attributes.put(RELEASE_ID, this.releaseId);
		attributes.put(INSTANCE_ID, this.instanceId);
		return attributes;
	}

	/** All five attributes, as OpenTelemetry semantic conventions spell them. */
	public Map<String, String> asAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(SERVICE_NAME, this.serviceName);
		attributes.putAll(spanAttributes());
		return attributes;
	}

	private static String trimmed(String value, String fallback) {
		return ReleaseIdentity.hasText(value) ? value.trim() : fallback;
	}

}
