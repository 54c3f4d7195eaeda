package io.sightline.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItToolsTests {

	@AfterEach
	void clearFork() {
		System.clearProperty("sightline.it.fork");
		System.clearProperty("sightline.it.forks");
	}

	@Test
	void freePortsLieBelowTheEphemeralRangeAndAreNeverHandedOutTwice() throws IOException {
		int ephemeralLow = Integer.parseInt(
				Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			int port = ItTools.freePort();
			assertThat(port).isBetween(10_000, ephemeralLow - 1);
			ports.add(port);
		}
		assertThat(ports).hasSize(200);
		int port = ItTools.freePort();
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	@Test
	void forksPickFromSharesOfTheirOwn() {
		System.setProperty("sightline.it.forks", "2");
		System.setProperty("sightline.it.fork", "1");
		int first = 0;
		for (int i = 0; i < 50; i++) {
			first = Math.max(first, ItTools.freePort());
		}
		System.setProperty("sightline.it.fork", "2");
		int second = Integer.MAX_VALUE;
		for (int i = 0; i < 50; i++) {
			second = Math.min(second, ItTools.freePort());
		}
		assertThat(first).isLessThan(second);
	}

	@Test
	void aBlockIsConsecutiveFreePorts() throws IOException {
		int base = ItTools.freeBlock(14);
		for (int port = base; port < base + 14; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				assertThat(socket.getLocalPort()).isEqualTo(port);
			}
		}
		int other = ItTools.freePort();
		assertThat(other < base || other > base + 13).as("%d outside %d..%d", other, base, base + 13).isTrue();
	}

}
