package io.sightline.deploy.properties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The configuration keys the javaagent reads, taken from the agent itself: the {@code otel.*} and
 * {@code sightline.*} string constants of its classes (the stock agent's and the embedded Sightline
 * extension's). Keys the agent builds at run time from parts are not found, so an env var for one of them
 * has to be written as its fixed form.
 */
public final class AgentPropertyKeys {

	private static final Pattern KEY = Pattern.compile("(?:otel|sightline)\\.[a-z0-9_.-]*[a-z0-9]");

	private AgentPropertyKeys() {
	}

	/** Every key, normalized as the OpenTelemetry SDK compares them (lower case, '-' and '_' as '.'). */
	public static Set<String> read(Path agentJar) {
		Set<String> keys = new TreeSet<>();
		try (ZipFile jar = new ZipFile(agentJar.toFile())) {
			Enumeration<? extends ZipEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (isClass(entry.getName())) {
					try (InputStream in = jar.getInputStream(entry)) {
						collect(in.readAllBytes(), keys);
					}
				}
				else if (entry.getName().endsWith(".jar")) {
					try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(entry))) {
						for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
							if (isClass(inner.getName())) {
								collect(nested.readAllBytes(), keys);
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keys;
	}

	public static String normalize(String key) {
		return key.toLowerCase(java.util.Locale.ROOT).replace('-', '.').replace('_', '.');
	}

	private static boolean isClass(String name) {
		return name.endsWith(".class") || name.endsWith(".classdata");
	}

	private static void collect(byte[] classFile, Set<String> keys) {
		Matcher matcher = KEY.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
		while (matcher.find()) {
			keys.add(normalize(matcher.group()));
		}
	}

}
