package io.sightline.overhead.profile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of every thread of another JVM, Java and VM threads alike (JIT compilers, GC, the VM thread),
 * with their full names, from {@code jcmd Thread.print} (HotSpot prints {@code cpu=…ms} per thread).
 * {@code /proc} would give the same times, but under names cut to 15 characters.
 */
public final class ThreadCpu {

	private static final Pattern THREAD = Pattern.compile("^\"(.+?)\".*?\\bcpu=([0-9.]+)ms.*?\\bnid=(\\w+)",
			Pattern.MULTILINE);

	private ThreadCpu() {
	}

	/** CPU milliseconds so far, keyed by thread name plus native id (names repeat). */
	public static Map<String, Double> snapshot(long pid) throws IOException, InterruptedException {
		return parse(Jcmd.run(pid, "Thread.print"));
	}

	static Map<String, Double> parse(String threadDump) {
		Map<String, Double> threads = new LinkedHashMap<>();
		Matcher matcher = THREAD.matcher(threadDump);
		while (matcher.find()) {
			threads.put(matcher.group(1) + "\u0000" + matcher.group(3), Double.parseDouble(matcher.group(2)));
		}
		return threads;
	}

	/** CPU milliseconds spent between two snapshots, summed per {@link ThreadGroup}. */
	public static Map<ThreadGroup, Double> spentByGroup(Map<String, Double> before, Map<String, Double> after) {
		Map<ThreadGroup, Double> groups = new LinkedHashMap<>();
		for (ThreadGroup group : ThreadGroup.values()) {
			groups.put(group, 0.0);
		}
		after.forEach((key, millis) -> {
			String name = key.substring(0, key.indexOf('\u0000'));
			groups.merge(ThreadGroup.of(name), millis - before.getOrDefault(key, 0.0), Double::sum);
		});
		return groups;
	}

	/** What a thread works for, told by its name. */
	public enum ThreadGroup {

		REQUESTS("request threads (Tomcat exec)", "http-nio-.*-exec-\\d+"),

		TOMCAT_IO("Tomcat poller and acceptor", "http-nio-.*-(Poller|Acceptor).*"),

		SPAN_EXPORT("span export (batch processor, reporter, sender)",
				"(BatchSpanProcessor.*|AsyncReporter.*|OkHttp.*|zipkin.*|.*[Ss]pan[Ee]xport.*)"),

		HTTP_CLIENT("JDK HttpClient (the app's downstream call; Boot's Zipkin sender)", "HttpClient-.*"),

		JIT("JIT compiler threads", "C[12] CompilerThread.*"),

		GC_VM("GC and VM threads", "(VM Thread|GC Thread.*|G1 .*|VM Periodic Task Thread|Service Thread"
				+ "|Monitor Deflation Thread|Sweeper thread|Common-Cleaner|Finalizer|Reference Handler|Signal Dispatcher)"),

		PROFILER("the profiler and jcmd (not the app's cost)", "(JFR .*|Attach Listener|RMI .*|JMX .*)"),

		OTHER("other threads", ".*");

		private final String label;

		private final Pattern names;

		ThreadGroup(String label, String names) {
			this.label = label;
			this.names = Pattern.compile(names);
		}

		public String label() {
			return this.label;
		}

		static ThreadGroup of(String threadName) {
			for (ThreadGroup group : values()) {
				if (group.names.matcher(threadName).matches()) {
					return group;
				}
			}
			return OTHER;
		}

	}

}
