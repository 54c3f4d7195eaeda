package io.sightline.agent.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.sightline.it.support.ItTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built sightline-javaagent.jar is the stock agent, unchanged, plus the extension under extensions/.
 */
class SightlineJavaagentJarIT {

	static final String EMBEDDED_EXTENSION = "extensions/sightline-otel-extension.jar";

	final Path built = AbstractAgentSmokeIT.sightlineAgentJar();

	/** The stock opentelemetry-javaagent, as Maven resolved it. */
	final Path stock = ItTools.agentJar();

	/** The extension artifact, as Maven resolved it. */
	final Path extension = ItTools.tool("sightline-otel-extension.jar");

	@Test
	void theManifestIsTheStockAgentsByteForByte() throws IOException {
		assertThat(entryBytes(this.built, JarFile.MANIFEST_NAME)).as("META-INF/MANIFEST.MF")
			.isEqualTo(entryBytes(this.stock, JarFile.MANIFEST_NAME));
		try (JarFile jar = new JarFile(this.built.toFile())) {
			Attributes main = jar.getManifest().getMainAttributes();
			assertThat(main.getValue("Premain-Class")).isEqualTo("io.opentelemetry.javaagent.OpenTelemetryAgent");
			assertThat(main.getValue("Implementation-Version")).isEqualTo("2.31.1");
		}
	}

	@Test
	void everyEntryOfTheStockAgentIsThereUnchanged() throws IOException {
		Map<String, ZipEntry> stockEntries = entries(this.stock);
		Map<String, ZipEntry> builtEntries = entries(this.built);
		List<String> missing = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		stockEntries.forEach((name, entry) -> {
			ZipEntry copy = builtEntries.get(name);
			if (copy == null) {
				missing.add(name);
			}
			else if (!entry.isDirectory() && (copy.getCrc() != entry.getCrc() || copy.getSize() != entry.getSize())) {
				changed.add(name);
			}
		});
		assertThat(stockEntries).as("entries of the stock agent").hasSizeGreaterThan(10_000);
		assertThat(missing).as("stock entries missing").isEmpty();
		assertThat(changed).as("stock entries with other content").isEmpty();
		List<String> added = new ArrayList<>(builtEntries.keySet());
		added.removeAll(stockEntries.keySet());
		assertThat(added).as("entries that are not the stock agent's")
			.containsExactlyInAnyOrder("extensions/", EMBEDDED_EXTENSION);
	}

	@Test
	void theExtensionArtifactIsEmbeddedAsAValidJarWithServices(@TempDir Path temp) throws IOException {
		byte[] embedded = entryBytes(this.built, EMBEDDED_EXTENSION);
		assertThat(embedded).as(EMBEDDED_EXTENSION).isNotNull();
		assertThat(embedded).as("the embedded jar is the extension artifact Maven resolved")
			.isEqualTo(Files.readAllBytes(this.extension));
		Path copy = temp.resolve("embedded.jar");
		Files.write(copy, embedded);
		try (JarFile jar = new JarFile(copy.toFile())) {
			List<String> services = Collections.list(jar.entries())
				.stream()
				.filter((entry) -> !entry.isDirectory() && entry.getName().startsWith("META-INF/services/"))
				.map(ZipEntry::getName)
				.toList();
			assertThat(services).as("service registrations in the embedded extension").isNotEmpty();
		}
	}

	private static Map<String, ZipEntry> entries(Path jar) throws IOException {
		Map<String, ZipEntry> entries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				assertThat(entries.put(entry.getName(), entry)).as("duplicate entry %s in %s", entry.getName(), jar)
					.isNull();
			}
		}
		return entries;
	}

	private static byte[] entryBytes(Path jar, String name) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			ZipEntry entry = zip.getEntry(name);
			if (entry == null) {
				return null;
			}
			try (InputStream in = zip.getInputStream(entry)) {
				return in.readAllBytes();
			}
		}
	}

}
