package io.sightline.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
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
