package io.sightline.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the launched application jar says about its build, read from its central directory (names, CRCs,
 * sizes and times; no entry is decompressed).
 *
 * @param digest SHA-256 of every entry's name, CRC and size, in hex: the same for the same content, so a
 * reproducible build of other sources gets another one; null when the application was not launched from a
 * jar
 * @param pinnedTimestamps whether every entry carries one and the same time, as Maven and Gradle write
 * them for reproducible builds ({@code project.build.outputTimestamp}): the build time in build-info is
 * then that pinned value, not when the jar was built
 */
public record ArtifactFingerprint(String digest, boolean pinnedTimestamps) {

	/** An application not launched from a jar (an IDE, {@code java -cp}, tests). */
	public static final ArtifactFingerprint NONE = new ArtifactFingerprint(null, false);

	/** The jar started with {@code java -jar}, else {@link #NONE}. */
	public static ArtifactFingerprint ofLaunchedJar() {
		Path jar = LaunchedJar.path();
		return (jar != null) ? of(jar) : NONE;
	}

	/** The fingerprint of {@code jar}; {@link #NONE} when it cannot be read. */
	public static ArtifactFingerprint of(Path jar) {
		if (!Files.isRegularFile(jar)) {
			return NONE;
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(zip.size());
			for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
				entries.add(all.nextElement());
			}
			// the central directory's order is the build's, so it is part of the content
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long firstTime = entries.isEmpty() ? -1 : entries.get(0).getTime();
			boolean oneTime = entries.size() > 1;
			for (ZipEntry entry : entries) {
				sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
				sha.update(longBytes(entry.getCrc()));
				sha.update(longBytes(entry.getSize()));
				oneTime &= (entry.getTime() == firstTime);
			}
			return new ArtifactFingerprint(HexFormat.of().formatHex(sha.digest()), oneTime);
		}
		catch (IOException | RuntimeException | NoSuchAlgorithmException ex) {
			// an unreadable jar counts as none: identity falls back, startup goes on
			return NONE;
		}
	}

	/** The first {@code length} characters of the digest, or null without one. */
	public String shortDigest(int length) {
		return (this.digest != null) ? this.digest.substring(0, Math.min(length, this.digest.length())) : null;
	}

	private static byte[] longBytes(long value) {
		byte[] bytes = new byte[8];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (value >>> (8 * i));
		}
		return bytes;
	}

}
