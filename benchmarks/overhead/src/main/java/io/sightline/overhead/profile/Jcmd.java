package io.sightline.overhead.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sightline.it.support.ItTools;

/** Runs the JDK's {@code jcmd} against another JVM: the attach API without a JMX agent in the target. */
final class Jcmd {

	private Jcmd() {
	}

	static String run(long pid, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		line.add(Path.of(ItTools.javaBin()).resolveSibling("jcmd").toString());
		line.add(Long.toString(pid));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("jcmd " + String.join(" ", command) + " failed: "
					+ new String(output, StandardCharsets.UTF_8));
		}
		return new String(output, StandardCharsets.UTF_8);
	}

}
