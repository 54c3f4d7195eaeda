package io.sightline.boot.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity settings at the top of {@code sightline.*}. Unknown keys are reported by
 * {@link io.sightline.boot.SightlineProperties#bind}, which binds every concern.
 */
@ConfigurationProperties(prefix = IdentityProperties.PREFIX)
public class IdentityProperties {

	public static final String PREFIX = "sightline";

	/**
	 * Deployment environment, published as deployment.environment.name (spans), service.environment (logs)
	 * and the env tag (metrics).
	 */
	private String environment = "local";

	/**
	 * Override for service.instance.id. By default it is derived from host, pid and JVM start time, so
	 * the starter and the agent extension compute the same value.
	 */
	private String instanceId;

	private final Release release = new Release();

	public String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(String environment) {
		this.environment = environment;
	}

	public String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(String instanceId) {
		this.instanceId = instanceId;
	}

	public Release getRelease() {
		return this.release;
	}

	public static class Release {

		/**
		 * Unique id of this release (also SIGHTLINE_RELEASE_ID). When unset it is derived from
		 * git.properties and the build time of build-info.
		 */
		private String id;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

	}


}
