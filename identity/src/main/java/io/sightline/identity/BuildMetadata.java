package io.sightline.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's metadata files, as Spring Boot's Maven and Gradle plugins and git-commit-id write them:
 * {@code META-INF/build-info.properties} and {@code git.properties}. They are looked up on the class
 * path and, for a Spring Boot executable jar seen from the system class loader (as an agent sees it),
 * under {@code BOOT-INF/classes/}.
 *
 * @param buildInfo build-info.properties, empty when absent
 * @param git git.properties, empty when absent
 * @param artifact the launched jar's fingerprint, {@link ArtifactFingerprint#NONE} when not launched from one
 */
public record BuildMetadata(Properties buildInfo, Properties git, ArtifactFingerprint artifact) {

	/** Metadata files without a launched jar. */
	public BuildMetadata(Properties buildInfo, Properties git) {
		this(buildInfo, git, ArtifactFingerprint.NONE);
	}

	public static final String BUILD_INFO = "META-INF/build-info.properties";

	public static final String GIT_PROPERTIES = "git.properties";

	static final String BOOT_CLASSES = "BOOT-INF/classes/";

	public static BuildMetadata load(ClassLoader classLoader) {
		return new BuildMetadata(read(classLoader, BUILD_INFO), read(classLoader, GIT_PROPERTIES),
				ArtifactFingerprint.ofLaunchedJar());
	}

	/**
	 * A properties file of the application, looked up as the application sees it (also under
	 * {@code BOOT-INF/classes/}); empty when absent or unreadable.
	 */
	public static Properties read(ClassLoader loader, String resource) {
		ClassLoader classLoader = (loader != null) ? loader : ClassLoader.getSystemClassLoader();
		Properties properties = new Properties();
		for (String name : new String[] { resource, BOOT_CLASSES + resource }) {
			try (InputStream in = classLoader.getResourceAsStream(name)) {
				if (in != null) {
					properties.load(in);
					return properties;
				}
			}
			catch (IOException | IllegalArgumentException ex) {
				// an unreadable file counts as a missing one: identity falls back, startup goes on
			}
		}
		return properties;
	}

}
