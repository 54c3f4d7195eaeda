package io.sightline.identity;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

/**
 * The derivation rules of a service's version, release id and instance id. Pure functions of their
 * inputs, shared by the starter and the agent extension so both publish the same values.
 *
 * <p>Release id precedence: an explicit id ({@code sightline.release.id} / {@code SIGHTLINE_RELEASE_ID});
 * else git.properties' commit (with {@code -dirty}) and the build time; else the version and the build
 * time from build-info; else {@code <version>-unreleased}. A reproducible build pins the build time
 * ({@code project.build.outputTimestamp}), so it names no build: when the launched jar's entries all
 * carry one time, the content digest of the jar takes the build time's place (after a dirty commit too,
 * since such builds of one commit differ).
 */
public final class ReleaseIdentity {

	/** The version when neither build-info nor a manifest gives one. */
	public static final String UNKNOWN_VERSION = "unknown";

	private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String INSTANCE_ID = computeInstanceId();

	/** Hex digits of the jar's digest in a release id: 48 bits, unique enough among one service's builds. */
	static final int DIGEST_LENGTH = 12;

	private ReleaseIdentity() {
	}

	/** build-info's {@code build.version}, else the manifest's Implementation-Version, else "unknown". */
	public static String version(Properties buildInfo, String manifestVersion) {
		String version = buildInfo.getProperty("build.version");
		if (hasText(version)) {
			return version.trim();
		}
		return hasText(manifestVersion) ? manifestVersion.trim() : UNKNOWN_VERSION;
	}

	public static String releaseId(String explicit, Properties buildInfo, Properties git, String version) {
		return releaseId(explicit, buildInfo, git, version, ArtifactFingerprint.NONE);
	}

	public static String releaseId(String explicit, Properties buildInfo, Properties git, String version,
			ArtifactFingerprint artifact) {
		if (hasText(explicit)) {
			return explicit.trim();
		}
		String commit = git.getProperty("git.commit.id.abbrev");
		if (!hasText(commit)) {
			String full = git.getProperty("git.commit.id.full", git.getProperty("git.commit.id"));
			commit = hasText(full) ? full.trim().substring(0, Math.min(12, full.trim().length())) : null;
		}
		String buildTime = compactTime(buildInfo.getProperty("build.time", git.getProperty("git.build.time")));
		boolean pinned = artifact.pinnedTimestamps() && artifact.digest() != null;
		if (commit != null) {
			boolean dirty = "true".equals(git.getProperty("git.dirty"));
			if (pinned) {
				return commit.trim() + (dirty ? "-dirty-" + artifact.shortDigest(DIGEST_LENGTH) : "");
			}
			return commit.trim() + (dirty ? "-dirty" : "") + ((buildTime != null) ? "-" + buildTime : "");
		}
		if (pinned) {
			return version + "-" + artifact.shortDigest(DIGEST_LENGTH);
		}
		if (buildTime != null) {
			return version + "-" + buildTime;
		}
		return version + "-unreleased";
	}

	/**
	 * A UUID derived from host, pid and JVM start time: stable within a process, unique across
	 * processes, and computed the same way by every component of the process without sharing state.
	 */
	public static String processInstanceId() {
		return INSTANCE_ID;
	}

	private static String computeInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		long pid = ProcessHandle.current().pid();
		long start = ManagementFactory.getRuntimeMXBean().getStartTime();
		String seed = host + ":" + pid + ":" + start;
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String compactTime(String time) {
		if (!hasText(time)) {
			return null;
		}
		try {
			return COMPACT_UTC.format(Instant.parse(time.trim()));
		}
		catch (RuntimeException ex) {
			// git-commit-id formats vary; keep only the characters that are safe in a label value
			return time.replaceAll("[^0-9A-Za-z]", "");
		}
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
