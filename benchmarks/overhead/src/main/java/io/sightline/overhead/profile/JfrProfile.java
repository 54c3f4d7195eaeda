package io.sightline.overhead.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A profile of another JVM, in JDK Flight Recorder's format, read back into counts per method and per
 * {@link Component}. With async-profiler (loaded into the target with {@code jcmd JVMTI.agent_load}) it
 * samples every thread on CPU each millisecond, JIT compiler and GC threads included, and every 256 KiB
 * allocated; without it, JDK Flight Recorder samples Java threads in Java code only, and far less often
 * on a busy CPU.
 */
public final class JfrProfile {

	private static final String RECORDING = "sightline-overhead";

	/** Only the two events the profile reads, so the recorder itself costs little. */
	private static final String SETTINGS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<configuration version="2.0" label="sightline-overhead">
			  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">2 ms</setting></event>
			  <event name="jdk.ObjectAllocationSample"><setting name="enabled">true</setting><setting name="throttle">2000/s</setting><setting name="stackTrace">true</setting></event>
			</configuration>
			""";

	private final long pid;

	private final Path file;

	private final Path asyncProfiler;

	private JfrProfile(long pid, Path file, Path asyncProfiler) {
		this.pid = pid;
		this.file = file;
		this.asyncProfiler = asyncProfiler;
	}

	/**
	 * @param asyncProfiler async-profiler's {@code libasyncProfiler.so}, or null for JDK Flight Recorder
	 */
	public static JfrProfile start(long pid, Path file, Path asyncProfiler) throws IOException, InterruptedException {
		Files.deleteIfExists(file);
		if (asyncProfiler != null) {
			loadAgent(pid, asyncProfiler,
					"start,event=itimer,interval=1000000,alloc=262144,jfr,file=" + file.toAbsolutePath());
		}
		else {
			Path settings = file.resolveSibling("sightline-overhead.jfc");
			Files.writeString(settings, SETTINGS, StandardCharsets.UTF_8);
			Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=" + settings.toAbsolutePath());
		}
		return new JfrProfile(pid, file, asyncProfiler);
	}

	/** async-profiler takes its commands as agent options (jcmd would parse their '=' as its own). */
	private static void loadAgent(long pid, Path library, String options) throws IOException {
		try {
			com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
			try {
				vm.loadAgentPath(library.toAbsolutePath().toString(), options);
			}
			finally {
				vm.detach();
			}
		}
		catch (com.sun.tools.attach.AttachNotSupportedException | com.sun.tools.attach.AgentLoadException
				| com.sun.tools.attach.AgentInitializationException ex) {
			throw new IOException("async-profiler " + options + " in process " + pid + " failed", ex);
		}
	}

	/** Which profiler recorded. */
	public String profiler() {
		return (this.asyncProfiler != null) ? "async-profiler" : "JDK Flight Recorder";
	}

	/** Stops the recording, writes it to the file, and reads it. */
	public Samples stop() throws IOException, InterruptedException {
		if (this.asyncProfiler != null) {
			loadAgent(this.pid, this.asyncProfiler, "stop,file=" + this.file.toAbsolutePath());
		}
		else {
			Jcmd.run(this.pid, "JFR.stop", "name=" + RECORDING, "filename=" + this.file.toAbsolutePath());
		}
		return read(this.file, this.asyncProfiler != null);
	}

	static Samples read(Path recording, boolean allThreads) throws IOException {
		Samples samples = new Samples(allThreads);
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if ("jdk.ExecutionSample".equals(type)) {
				samples.cpu(event.getStackTrace(), 1);
			}
			else if ("jdk.ObjectAllocationSample".equals(type)) {
				samples.allocation(event.getStackTrace(), event.getLong("weight"));
			}
			// async-profiler's allocation events: a new TLAB, or an object too large for one
			else if ("jdk.ObjectAllocationInNewTLAB".equals(type)) {
				samples.allocation(event.getStackTrace(), event.getLong("tlabSize"));
			}
			else if ("jdk.ObjectAllocationOutsideTLAB".equals(type)) {
				samples.allocation(event.getStackTrace(), event.getLong("allocationSize"));
			}
		}
		return samples;
	}

	/** Sample counts (CPU) and sampled bytes (allocation), by method and by component. */
	public static final class Samples {

		private final Map<String, Long> cpuBySelfMethod = new HashMap<>();

		private final Map<Component, Long> cpuByComponent = new HashMap<>();

		private final Map<String, Long> allocationBySite = new HashMap<>();

		private final Map<Component, Long> allocationByComponent = new HashMap<>();

		private final boolean allThreads;

		private long cpuSamples;

		private long allocatedBytes;

		Samples(boolean allThreads) {
			this.allThreads = allThreads;
		}

		/** Whether the CPU samples cover every thread (async-profiler), or Java threads in Java code only. */
		public boolean allThreads() {
			return this.allThreads;
		}

		void cpu(RecordedStackTrace stack, long weight) {
			List<RecordedFrame> frames = (stack != null) ? stack.getFrames() : List.of();
			this.cpuSamples += weight;
			this.cpuBySelfMethod.merge(selfMethod(frames), weight, Long::sum);
			this.cpuByComponent.merge(owner(frames), weight, Long::sum);
		}

		void allocation(RecordedStackTrace stack, long bytes) {
			List<RecordedFrame> frames = (stack != null) ? stack.getFrames() : List.of();
			this.allocatedBytes += bytes;
			this.allocationBySite.merge(firstLibraryFrame(frames), bytes, Long::sum);
			this.allocationByComponent.merge(owner(frames), bytes, Long::sum);
		}

		private static Component owner(List<RecordedFrame> frames) {
			boolean java = false;
			for (RecordedFrame frame : frames) {
				if (!isJava(frame)) {
					continue;
				}
				java = true;
				String type = className(frame);
				if (!Component.isJdk(type)) {
					return Component.of(type);
				}
			}
			return java ? Component.JDK : Component.JVM;
		}

		/**
		 * The Java method a CPU sample is in; time in native code (libc, libz, the JVM's runtime) is charged
		 * to the Java method that called it, with the library named.
		 */
		private static String selfMethod(List<RecordedFrame> frames) {
			if (frames.isEmpty()) {
				return "(no stack)";
			}
			for (int i = 0; i < frames.size(); i++) {
				if (isJava(frames.get(i))) {
					String java = method(frames.get(i));
					return (i == 0) ? java : java + " in " + method(frames.get(0));
				}
			}
			return method(frames.get(0));
		}

		/** Where an allocation happened: the first frame that is not the JDK's, with the JDK frame it called. */
		private static String firstLibraryFrame(List<RecordedFrame> frames) {
			for (int i = 0; i < frames.size(); i++) {
				if (isJava(frames.get(i)) && !Component.isJdk(className(frames.get(i)))) {
					String site = method(frames.get(i));
					return (i == 0) ? site : site + " → " + method(frames.get(i - 1));
				}
			}
			return frames.isEmpty() ? "(no stack)" : method(frames.get(0));
		}

		/**
		 * JDK Flight Recorder marks its frames; async-profiler does not ({@code isJavaFrame} is then always
		 * true) but types its native frames (libc, libjvm, libz, the kernel) as Native, C++ or Kernel.
		 */
		static boolean isJava(RecordedFrame frame) {
			if (!frame.isJavaFrame()) {
				return false;
			}
			String type = frame.getType();
			return !("C++".equals(type) || "Kernel".equals(type) || ("Native".equals(type) && isNativeLibrary(frame)));
		}

		/** async-profiler names a native frame's "class" after its library: libc.so.6, libjvm.so, [vdso]. */
		private static boolean isNativeLibrary(RecordedFrame frame) {
			String type = className(frame);
			return type.isEmpty() || type.contains(".so") || type.startsWith("[");
		}

		private static String className(RecordedFrame frame) {
			if (frame.getMethod() == null || frame.getMethod().getType() == null) {
				return "";
			}
			// async-profiler writes internal names (java/util/HashMap)
			return frame.getMethod().getType().getName().replace('/', '.');
		}

		private static String method(RecordedFrame frame) {
			String type = className(frame);
			if (!isJava(frame) || type.isEmpty()) {
				String library = type.isEmpty() ? "" : type.replaceFirst("\\.so.*$", "") + " ";
				return (frame.getMethod() != null) ? "[native] " + library + frame.getMethod().getName() : "[native]";
			}
			return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
		}

		public long cpuSamples() {
			return this.cpuSamples;
		}

		public long allocatedBytes() {
			return this.allocatedBytes;
		}

		public Map<String, Long> cpuBySelfMethod() {
			return this.cpuBySelfMethod;
		}

		public Map<Component, Long> cpuByComponent() {
			return this.cpuByComponent;
		}

		public Map<String, Long> allocationBySite() {
			return this.allocationBySite;
		}

		public Map<Component, Long> allocationByComponent() {
			return this.allocationByComponent;
		}

	}

}
