package io.sightline.overhead.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * Bytes allocated on the heap by another JVM, from HotSpot's per-thread allocation counters (the same
 * TLAB accounting JFR's ThreadAllocationStatistics reads). The harness attaches only after warm-up and
 * the throughput phase, so startup and the earlier figures run without the JMX agent this starts in the
 * target.
 *
 * <p>The counters belong to threads: a thread that dies inside a measured window takes its bytes with
 * it. Request threads, exporters and reporters are pooled and live through a window.
 */
public final class AllocationCounter implements AutoCloseable {

	private final JMXConnector connector;

	private final ThreadMXBean threads;

	private AllocationCounter(JMXConnector connector, ThreadMXBean threads) {
		this.connector = connector;
		this.threads = threads;
	}

	public static AllocationCounter attach(long pid) throws IOException {
		String address;
		try {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			try {
				address = vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
		}
		catch (com.sun.tools.attach.AttachNotSupportedException ex) {
			throw new IOException("cannot attach to process " + pid, ex);
		}
		JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
		ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
				ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
		return new AllocationCounter(connector, threads);
	}

	/** Allocated bytes so far, per live thread id. */
	public Map<Long, Long> snapshot() {
		long[] ids = this.threads.getAllThreadIds();
		long[] bytes = this.threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> snapshot = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				snapshot.put(ids[i], bytes[i]);
			}
		}
		return snapshot;
	}

	/** Bytes allocated between two snapshots by the threads alive at the second one. */
	public static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
		long total = 0;
		for (Map.Entry<Long, Long> thread : after.entrySet()) {
			total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

	@Override
	public void close() throws IOException {
		this.connector.close();
	}

}
