package io.sightline.identity;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The jar started with {@code java -jar}, as the JVM's launch command names it. */
public final class LaunchedJar {

	private LaunchedJar() {
	}

	/** The launched jar, or null when the JVM was started with a main class. */
	public static Path path() {
		String command = System.getProperty("sun.java.command", "");
		String first = command.isBlank() ? "" : command.trim().split("\\s+")[0];
		if (!first.endsWith(".jar")) {
			return null;
		}
		try {
			return Path.of(first);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

	/** The launched jar's Implementation-Version, or null. */
	public static String implementationVersion() {
		Path jar = path();
		if (jar == null) {
			return null;
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			return (manifest != null) ? manifest.getMainAttributes().getValue("Implementation-Version") : null;
		}
		catch (IOException | SecurityException ex) {
			return null;
		}
	}

}
