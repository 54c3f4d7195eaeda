package io.sightline.demo.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code ./demo [--agentless] [--load <requests per second> <seconds>]}: starts the whole demo on
 * loopback, prints every URL, optionally runs the load generator, and stops it all on Ctrl-C or when
 * "stop" is typed.
 */
public final class DemoLauncher {

	private DemoLauncher() {
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		boolean agent = !arguments.contains("--agentless");
		Path libDir = Path.of(System.getProperty("demo.lib", "demo-services/launcher/target/demo-lib"));
		Path runDir = Path.of(System.getProperty("demo.runs", "demo-services/launcher/target/demo-runs"),
				LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		long start = System.nanoTime();
		Demo demo = Demo.start(DemoConfig.standard(libDir, runDir, agent,
				Path.of(System.getProperty("demo.prometheus", "prometheus"))));
		Thread stopper = new Thread(demo::close, "demo-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		System.out.printf("%nSightline demo is up in %d s (%s), using %d MB of memory.%n%n%s%nType 'stop' (or Ctrl-C) to stop everything.%n",
				Duration.ofNanos(System.nanoTime() - start).toSeconds(), agent ? "sightline-javaagent" : "agentless",
				demo.totalRssBytes() / (1024 * 1024), demo.urls());
		int load = arguments.indexOf("--load");
		if (load >= 0) {
			int rate = (arguments.size() > load + 1) ? Integer.parseInt(arguments.get(load + 1)) : 20;
			int seconds = (arguments.size() > load + 2) ? Integer.parseInt(arguments.get(load + 2)) : 60;
			Thread generator = new Thread(() -> {
				try {
					System.out.printf("Load: %d requests/s for %d s on the BFF...%n", rate, seconds);
					System.out.println(new LoadGenerator(demo.url(DemoService.GATEWAY)).run(rate,
							Duration.ofSeconds(seconds), Long.MAX_VALUE));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "load-generator");
			generator.setDaemon(true);
			generator.start();
		}
		boolean stopTyped = false;
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in))) {
			String line;
			while (!stopTyped && (line = in.readLine()) != null) {
				stopTyped = "stop".equalsIgnoreCase(line.trim());
			}
		}
		if (!stopTyped) {
			// no terminal (stdin closed): run until a signal; the shutdown hook stops everything
			Thread.currentThread().join();
		}
		Runtime.getRuntime().removeShutdownHook(stopper);
		demo.close();
	}

}
