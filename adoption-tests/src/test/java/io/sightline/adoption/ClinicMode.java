package io.sightline.adoption;

import java.util.ArrayList;
import java.util.List;

import io.sightline.it.support.ItTools;
import io.sightline.it.support.ZipkinServer;

/**
 * How the clinic runs: with the starter alone, or with {@code -javaagent:sightline-javaagent.jar} too.
 * Both are told where traces go by the same, single setting the README names,
 * {@code management.tracing.export.zipkin.endpoint}, as a system property (which the agent reads too).
 */
public enum ClinicMode {

	/** The starter alone: Micrometer Tracing with Brave reports to Zipkin. */
	AGENTLESS {
		@Override
		List<String> agentOptions() {
			return List.of();
		}
	},

	/** The starter and sightline-javaagent.jar: the agent owns the spans. */
	AGENT {
		@Override
		List<String> agentOptions() {
			// a short batch delay (default 5 s) only keeps the tests fast
			return List.of("-javaagent:" + ItTools.tool("sightline-javaagent.jar").toAbsolutePath(),
					"-Dotel.bsp.schedule.delay=200");
		}
	};

	/** The README's one tracing setting. */
	public static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	abstract List<String> agentOptions();

	/** The JVM options the clinic is started with in this mode, exporting to this Zipkin. */
	List<String> jvmOptions(ZipkinServer zipkin) {
		List<String> options = new ArrayList<>(agentOptions());
		options.add("-D" + ZIPKIN_ENDPOINT + "=" + zipkin.spansEndpoint());
		return options;
	}

	String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
