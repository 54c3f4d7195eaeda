package io.sightline.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Logstash's {@code tcp} input with {@code codec => json_lines}: accepts connections
 * on a fixed loopback port and keeps every received line and the raw bytes. It can be killed and
 * brought back on the same port.
 */
public final class JsonLinesReceiver implements AutoCloseable {

	private final int port;

	// not copy-on-write: a flood of lines made every add O(n), so the reader fell behind the sender
	private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

	private final ByteArrayOutputStream raw = new ByteArrayOutputStream();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public JsonLinesReceiver(int port) {
		this.port = port;
	}

	public synchronized void start() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
		this.server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "json-lines-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				this.connections.add(connection);
				Thread reader = new Thread(() -> read(connection), "json-lines-reader");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void read(Socket connection) {
		try (InputStream in = connection.getInputStream()) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				synchronized (this.raw) {
					this.raw.write(buffer, 0, n);
				}
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						String text = line.toString(StandardCharsets.UTF_8).trim();
						if (!text.isEmpty()) {
							this.lines.add(text);
						}
						line.reset();
					}
					else {
						line.write(buffer[i]);
					}
				}
			}
		}
		catch (SocketException ex) {
			// killed
		}
		catch (IOException ex) {
			// connection dropped
		}
	}

	/** Kills the receiver: closes the listening socket and every open connection. */
	public synchronized void kill() throws IOException {
		ServerSocket socket = this.server;
		if (socket != null) {
			socket.close();
		}
		for (Socket connection : this.connections) {
			if (!connection.isClosed()) {
				// RST instead of FIN, like a crashed Logstash
				connection.setSoLinger(true, 0);
				connection.close();
			}
		}
		this.connections.clear();
	}

	public int port() {
		return this.port;
	}

	public List<String> lines() {
		synchronized (this.lines) {
			return new ArrayList<>(this.lines);
		}
	}

	public byte[] rawBytes() {
		synchronized (this.raw) {
			return this.raw.toByteArray();
		}
	}

	@Override
	public void close() throws IOException {
		kill();
	}

}
