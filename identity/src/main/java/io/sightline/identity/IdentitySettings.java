package io.sightline.identity;

/**
 * The keys of the settings that name a service's identity: the starter's {@code sightline.*} properties
 * and the agent's system properties ({@code SIGHTLINE_*} environment variables) alike.
 */
public final class IdentitySettings {

	public static final String ENVIRONMENT = "sightline.environment";

	public static final String RELEASE_ID = "sightline.release.id";

	public static final String INSTANCE_ID = "sightline.instance-id";

	private IdentitySettings() {
	}

}
