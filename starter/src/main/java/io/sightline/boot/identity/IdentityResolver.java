package io.sightline.boot.identity;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

import io.sightline.boot.SightlineProperties;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Resolves the {@link SightlineIdentity} from the environment and the build's metadata files. Pure
 * function of its inputs, so the logging system (configured before the context) and the context agree.
 *
 * <p>Precedence: {@code sightline.release.id} / {@code SIGHTLINE_RELEASE_ID}, then git.properties
 * (commit id, dirty flag) plus the build-info build time, then build-info alone, then the version.
 */
public final class IdentityResolver {

	static final String BUILD_INFO = "META-INF/build-info.properties";

	static final String GIT_PROPERTIES = "git.properties";

	private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private IdentityResolver() {
	}

	/**
	 * @param environment the application's environment
	 * @param properties bound {@code sightline.*} properties
	 * @param classLoader where build-info and git.properties are looked up
	 * @param mainClass the application's main class, for the jar-manifest version fallback; may be null
	 * @throws MissingServiceNameException when {@code spring.application.name} is missing
	 */
	public static SightlineIdentity resolve(Environment environment, SightlineProperties properties,
			ClassLoader classLoader, Class<?> mainClass) {
		String serviceName = environment.getProperty(MissingServiceNameException.PROPERTY);
		if (!StringUtils.hasText(serviceName)) {
			throw new MissingServiceNameException();
		}
		Properties buildInfo = load(classLoader, BUILD_INFO);
		Properties git = load(classLoader, GIT_PROPERTIES);
		String version = version(buildInfo, mainClass);
		String releaseId = releaseId(properties.getRelease().getId(), buildInfo, git, version);
		String instanceId = StringUtils.hasText(properties.getInstanceId()) ? properties.getInstanceId()
				: processInstanceId();
		String env = StringUtils.hasText(properties.getEnvironment()) ? properties.getEnvironment().trim() : "local";
		return new SightlineIdentity(serviceName.trim(), env, version, releaseId, instanceId);
	}

	static String version(Properties buildInfo, Class<?> mainClass) {
		String version = buildInfo.getProperty("build.version");
		if (StringUtils.hasText(version)) {
			return version;
		}
		if (mainClass != null && mainClass.getPackage() != null) {
			String manifestVersion = mainClass.getPackage().getImplementationVersion();
			if (StringUtils.hasText(manifestVersion)) {
				return manifestVersion;
			}
		}
		return "unknown";
	}

	static String releaseId(String explicit, Properties buildInfo, Properties git, String version) {
		if (StringUtils.hasText(explicit)) {
			return explicit.trim();
		}
		String commit = git.getProperty("git.commit.id.abbrev");
		if (!StringUtils.hasText(commit)) {
			String full = git.getProperty("git.commit.id.full", git.getProperty("git.commit.id"));
			commit = StringUtils.hasText(full) ? full.substring(0, Math.min(12, full.length())) : null;
		}
		String buildTime = compactTime(buildInfo.getProperty("build.time", git.getProperty("git.build.time")));
		if (commit != null) {
			String dirty = "true".equals(git.getProperty("git.dirty")) ? "-dirty" : "";
			return commit + dirty + ((buildTime != null) ? "-" + buildTime : "");
		}
		if (buildTime != null) {
			return version + "-" + buildTime;
		}
		return version + "-unreleased";
	}

	private static String compactTime(String time) {
		if (!StringUtils.hasText(time)) {
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

	/**
	 * A UUID derived from host, pid and JVM start time: stable within a process and unique across
	 * processes, and computable the same way by the agent extension without sharing state.
	 */
	public static String processInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException | RuntimeException ex) {
			host = "unknown-host";
		}
		long pid = ProcessHandle.current().pid();
		long start = ManagementFactory.getRuntimeMXBean().getStartTime();
		String seed = host + ":" + pid + ":" + start;
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static Properties load(ClassLoader classLoader, String resource) {
		Properties properties = new Properties();
		ClassLoader loader = (classLoader != null) ? classLoader : IdentityResolver.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// unreadable metadata falls back like missing metadata
		}
		return properties;
	}

}
