package io.sightline.overhead.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream rate service the app calls once per order: {@code GET /rates/{currency}} answers a small
 * JSON document. A minimal keep-alive HTTP/1.1 server (thread per connection), so that it costs the
 * machine little; it is not instrumented, like a third-party API.
 */
public final class DownstreamServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, byte[]> responses = new ConcurrentHashMap<>();

	private volatile boolean open = true;

	private DownstreamServer(ServerSocket serverSocket) {
		this.serverSocket = serverSocket;
	}

	public static DownstreamServer start() throws IOException {
		DownstreamServer server = new DownstreamServer(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()));
		Thread acceptor = new Thread(server::acceptConnections, "downstream-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		return server;
	}

	public String url() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort();
	}

	/** Requests answered so far. */
	public long requests() {
		return this.requests.get();
	}

	private void acceptConnections() {
		while (this.open) {
			try {
				Socket socket = this.serverSocket.accept();
				socket.setTcpNoDelay(true);
				Thread handler = new Thread(() -> serve(socket), "downstream-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				// closed, or a connection that failed to open
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
			byte[] line = new byte[8192];
			while (this.open) {
				String requestLine = readLine(in, line);
				if (requestLine == null) {
					return;
				}
				long contentLength = 0;
				boolean close = false;
				for (String header = readLine(in, line); header != null && !header.isEmpty(); header = readLine(in, line)) {
					int colon = header.indexOf(':');
					if (colon > 0) {
						String name = header.substring(0, colon).trim();
						String value = header.substring(colon + 1).trim();
						if (name.equalsIgnoreCase("Content-Length")) {
							contentLength = Long.parseLong(value);
						}
						else if (name.equalsIgnoreCase("Connection")) {
							close = value.equalsIgnoreCase("close");
						}
					}
				}
				in.skipNBytes(contentLength);
				out.write(responseFor(requestLine));
				out.flush();
				this.requests.incrementAndGet();
				if (close) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away
		}
	}

	/** {@code GET /rates/EUR HTTP/1.1} → the rate of EUR; the same bytes every time. */
	private byte[] responseFor(String requestLine) {
		String[] parts = requestLine.split(" ");
		String path = (parts.length > 1) ? parts[1] : "/";
		String currency = path.startsWith("/rates/") ? path.substring("/rates/".length()) : "EUR";
		return this.responses.computeIfAbsent(currency, (key) -> {
			double rate = 1.0 + (Math.abs(key.hashCode()) % 100) / 1000.0;
			String body = "{\"currency\":\"" + key + "\",\"rate\":" + rate + "}";
			byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
			String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bodyBytes.length
					+ "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
			byte[] response = new byte[headBytes.length + bodyBytes.length];
			System.arraycopy(headBytes, 0, response, 0, headBytes.length);
			System.arraycopy(bodyBytes, 0, response, headBytes.length, bodyBytes.length);
			return response;
		});
	}

	private static String readLine(InputStream in, byte[] buffer) throws IOException {
		int length = 0;
		while (true) {
			int next = in.read();
			if (next < 0) {
				return (length == 0) ? null : new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (next == '\n') {
				if (length > 0 && buffer[length - 1] == '\r') {
					length--;
				}
				return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (length < buffer.length) {
				buffer[length++] = (byte) next;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.open = false;
		this.serverSocket.close();
	}

}
