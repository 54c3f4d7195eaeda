package io.sightline.boot.identity;

import io.sightline.identity.SightlineIdentity;

/**
 * The identity resolved when logging was configured, before the context existed. Registered in the
 * context under its own type, so that a user's {@link SightlineIdentity} bean can still replace the
 * auto-configured one without creating a second candidate.
 *
 * @param identity the identity the log encoders were built with
 */
public record StartupIdentity(SightlineIdentity identity) {

	public static final String BEAN_NAME = "sightlineStartupIdentity";

}
