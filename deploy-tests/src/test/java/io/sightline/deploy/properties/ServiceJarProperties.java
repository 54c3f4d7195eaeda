package io.sightline.deploy.properties;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Spring Boot service jar can be configured with: every property of the configuration metadata of
 * its nested libraries (the Sightline starter's and Spring Boot's own) and of its classes, with its type,
 * and the environment placeholders its application*.properties read ({@code ${KAFKA_BOOTSTRAP:...}}).
 */
public final class ServiceJarProperties {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern METADATA = Pattern
		.compile("META-INF/(additional-)?spring-configuration-metadata\\.json");

	private static final Pattern APPLICATION_PROPERTIES = Pattern
		.compile("BOOT-INF/classes/application(-[a-z0-9]+)?\\.properties");

	private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private final Map<String, String> typesByProperty;

	private final Set<String> placeholders;

	private final Properties application;

	private ServiceJarProperties(Map<String, String> typesByProperty, Set<String> placeholders,
			Properties application) {
		this.typesByProperty = typesByProperty;
		this.placeholders = placeholders;
		this.application = application;
	}

	public static ServiceJarProperties read(Path bootJar) {
		Map<String, String> types = new HashMap<>();
		Set<String> placeholders = new TreeSet<>();
		Properties application = new Properties();
		try (ZipFile jar = new ZipFile(bootJar.toFile())) {
			Enumeration<? extends ZipEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
					try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(entry))) {
						for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
							if (METADATA.matcher(inner.getName()).matches()) {
								addMetadata(nested, types);
							}
						}
					}
				}
				else if (METADATA.matcher(name.replace("BOOT-INF/classes/", "")).matches()) {
					try (InputStream in = jar.getInputStream(entry)) {
						addMetadata(in, types);
					}
				}
				else if (APPLICATION_PROPERTIES.matcher(name).matches()) {
					try (InputStream in = jar.getInputStream(entry)) {
						String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
						Matcher matcher = ENV_PLACEHOLDER.matcher(text);
						while (matcher.find()) {
							placeholders.add(matcher.group(1));
						}
						if (name.equals("BOOT-INF/classes/application.properties")) {
							application.load(new StringReader(text));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ServiceJarProperties(types, placeholders, application);
	}

	private static void addMetadata(InputStream in, Map<String, String> types) throws IOException {
		JsonNode metadata = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		for (JsonNode property : metadata.path("properties")) {
			types.putIfAbsent(property.path("name").asString(), property.path("type").asString(""));
		}
	}

	/** Property name to its Java type (may be empty when the metadata gives none). */
	public Map<String, String> typesByProperty() {
		return this.typesByProperty;
	}

	/** A value of the jar's own application.properties (not of a profile), or null. */
	public String applicationProperty(String name) {
		return this.application.getProperty(name);
	}

	/** Environment variables the application's own properties files read. */
	public Set<String> placeholders() {
		return this.placeholders;
	}

}
