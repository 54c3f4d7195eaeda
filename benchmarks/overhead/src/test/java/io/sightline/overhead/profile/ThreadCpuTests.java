package io.sightline.overhead.profile;

import java.util.Map;

import io.sightline.overhead.profile.ThreadCpu.ThreadGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThreadCpuTests {

	private static final String BEFORE = """
			"http-nio-8080-exec-1" #35 daemon prio=5 os_prio=0 cpu=100.50ms elapsed=10.00s tid=0x00007f nid=0x1a waiting on condition  [0x00007f]
			   java.lang.Thread.State: WAITING (parking)
			"BatchSpanProcessor_WorkerThread-1" #20 daemon prio=5 os_prio=0 cpu=10.00ms elapsed=10.00s tid=0x00007f nid=0x1b waiting
			"C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=500.00ms elapsed=10.00s tid=0x00007f nid=0x1c waiting on condition
			"VM Thread" os_prio=0 cpu=20.00ms elapsed=10.00s tid=0x00007f nid=0x1d runnable
			"Attach Listener" #40 daemon prio=9 os_prio=0 cpu=1.00ms elapsed=1.00s tid=0x00007f nid=0x1e waiting on condition
			""";

	private static final String AFTER = """
			"http-nio-8080-exec-1" #35 daemon prio=5 os_prio=0 cpu=300.50ms elapsed=20.00s tid=0x00007f nid=0x1a waiting on condition  [0x00007f]
			"http-nio-8080-exec-2" #36 daemon prio=5 os_prio=0 cpu=50.00ms elapsed=5.00s tid=0x00007f nid=0x1f runnable
			"http-nio-8080-Poller" #37 daemon prio=5 os_prio=0 cpu=3.00ms elapsed=20.00s tid=0x00007f nid=0x20 runnable
			"BatchSpanProcessor_WorkerThread-1" #20 daemon prio=5 os_prio=0 cpu=40.00ms elapsed=20.00s tid=0x00007f nid=0x1b waiting
			"C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=600.00ms elapsed=20.00s tid=0x00007f nid=0x1c waiting on condition
			"VM Thread" os_prio=0 cpu=25.00ms elapsed=20.00s tid=0x00007f nid=0x1d runnable
			"Attach Listener" #40 daemon prio=9 os_prio=0 cpu=2.00ms elapsed=2.00s tid=0x00007f nid=0x1e waiting on condition
			"pool-3-thread-1" #41 prio=5 os_prio=0 cpu=7.00ms elapsed=2.00s tid=0x00007f nid=0x21 waiting on condition
			""";

	@Test
	void cpuSpentBetweenTwoThreadDumpsIsSummedPerGroup() {
		Map<ThreadGroup, Double> spent = ThreadCpu.spentByGroup(ThreadCpu.parse(BEFORE), ThreadCpu.parse(AFTER));
		assertThat(spent.get(ThreadGroup.REQUESTS)).isCloseTo(250.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.TOMCAT_IO)).isCloseTo(3.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.SPAN_EXPORT)).isCloseTo(30.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.JIT)).isCloseTo(100.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.GC_VM)).isCloseTo(5.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.PROFILER)).isCloseTo(1.0, within(1e-9));
		assertThat(spent.get(ThreadGroup.OTHER)).isCloseTo(7.0, within(1e-9));
	}

	@Test
	void threadsAreGroupedByWhatTheyWorkFor() {
		assertThat(ThreadGroup.of("http-nio-127.0.0.1-39999-exec-12")).isEqualTo(ThreadGroup.REQUESTS);
		assertThat(ThreadGroup.of("http-nio-127.0.0.1-39999-Acceptor")).isEqualTo(ThreadGroup.TOMCAT_IO);
		assertThat(ThreadGroup.of("AsyncReporter{ZipkinHttpClientSender}")).isEqualTo(ThreadGroup.SPAN_EXPORT);
		assertThat(ThreadGroup.of("HttpClient-1-Worker-0")).isEqualTo(ThreadGroup.HTTP_CLIENT);
		assertThat(ThreadGroup.of("C1 CompilerThread0")).isEqualTo(ThreadGroup.JIT);
		assertThat(ThreadGroup.of("JFR Recorder Thread")).isEqualTo(ThreadGroup.PROFILER);
		assertThat(ThreadGroup.of("main")).isEqualTo(ThreadGroup.OTHER);
	}

}
