package io.sightline.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Locates the jars Maven copied for the integration tests, and finds free loopback ports. */
public final class ItTools {

	private ItTools() {
	}

	public static Path tool(String fileName) {
		String dir = System.getProperty("sightline.it.tools", "target/it-tools");
		Path path = Path.of(dir, fileName);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("Missing " + path + ": run the tests through Maven (mvnw verify), "
					+ "which copies it in the pre-integration-test phase");
		}
		return path;
	}

	public static Path zipkinJar() {
		return tool("zipkin-server.jar");
	}

	public static Path agentJar() {
		return tool("opentelemetry-javaagent.jar");
	}

	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	/**
	 * A loopback port that is free now and not handed out before in this JVM. It lies below the
	 * kernel's ephemeral range, where any outgoing connection could take it between this check and the
	 * server's bind, and within this JVM's share of the range when test JVMs run side by side
	 * ({@code sightline.it.fork} of {@code sightline.it.forks}, as failsafe numbers its forks).
	 */
	public static int freePort() {
		return freeBlock(1);
	}

	/** The first of {@code length} consecutive ports that are all free, as {@link #freePort()} picks them. */
	public static synchronized int freeBlock(int length) {
		int[] share = portShare();
		for (int attempt = 0; attempt < 200; attempt++) {
			int base = ThreadLocalRandom.current().nextInt(share[0], share[1] - length);
			boolean free = true;
			for (int port = base; port < base + length && free; port++) {
				free = !HANDED_OUT.contains(port) && isFree(port);
			}
			if (free) {
				for (int port = base; port < base + length; port++) {
					HANDED_OUT.add(port);
				}
				return base;
			}
		}
		throw new IllegalStateException("no " + length + " free ports in " + share[0] + "-" + share[1]);
	}

	/** [from, to) of the ports this JVM picks from. */
	private static int[] portShare() {
		int low = 10_000;
		int high = Math.max(ephemeralLow(), low + 5_000);
		int forks = Math.max(1, Integer.getInteger("sightline.it.forks", 1));
		int fork = Math.min(forks, Math.max(1, Integer.getInteger("sightline.it.fork", 1)));
		int size = (high - low) / forks;
		return new int[] { low + (fork - 1) * size, low + fork * size };
	}

	private static int ephemeralLow() {
		try {
			// readAllLines: readString stops after the first byte of a /proc file here
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
			return Integer.parseInt(range.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32_768;
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The first of these executables found on the PATH, or null. */
	public static Path onPath(String... names) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String name : names) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				Path candidate = Path.of(dir, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	public static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
