package io.sightline.overhead.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection with blocking I/O: write a prepared request, read the whole
 * response. Far cheaper per request than a general-purpose client, so the load generator stays off the
 * measured path as much as possible. Reconnects after {@code Connection: close} or an error.
 */
public final class HttpConnection implements AutoCloseable {

	private final InetSocketAddress address;

	private final byte[] line = new byte[8192];

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private byte[] lastBody = new byte[0];

	private boolean keepBody;

	public HttpConnection(InetSocketAddress address) {
		this.address = address;
	}

	/** Sends the request and reads the response to its end; returns the status code. */
	public int exchange(byte[] request) throws IOException {
		if (this.socket == null) {
			connect();
		}
		try {
			this.out.write(request);
			this.out.flush();
			return readResponse();
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** As {@link #exchange(byte[])}, keeping the body for the caller. */
	public String exchangeForBody(byte[] request) throws IOException {
		this.keepBody = true;
		try {
			int status = exchange(request);
			return status + " " + new String(this.lastBody, StandardCharsets.UTF_8);
		}
		finally {
			this.keepBody = false;
		}
	}

	private void connect() throws IOException {
		Socket created = new Socket();
		created.setTcpNoDelay(true);
		created.connect(this.address, 5_000);
		created.setSoTimeout(60_000);
		this.socket = created;
		this.in = new BufferedInputStream(created.getInputStream(), 16 * 1024);
		this.out = new BufferedOutputStream(created.getOutputStream(), 8 * 1024);
	}

	private int readResponse() throws IOException {
		String statusLine = readLine();
		if (statusLine == null) {
			throw new EOFException("connection closed before a response");
		}
		if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP/1.x status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.toLowerCase().contains("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				closeAfter = value.equalsIgnoreCase("close");
			}
		}
		ByteSink body = this.keepBody ? new ByteSink() : null;
		if (chunked) {
			readChunked(body);
		}
		else if (contentLength >= 0) {
			readFully(contentLength, body);
		}
		else {
			readFully(Long.MAX_VALUE, body);
			closeAfter = true;
		}
		if (body != null) {
			this.lastBody = body.toByteArray();
		}
		if (closeAfter) {
			close();
		}
		return status;
	}

	private void readChunked(ByteSink body) throws IOException {
		while (true) {
			String sizeLine = readLine();
			if (sizeLine == null) {
				throw new EOFException("connection closed inside a chunked body");
			}
			int extension = sizeLine.indexOf(';');
			long size = Long.parseLong((extension >= 0) ? sizeLine.substring(0, extension).trim() : sizeLine.trim(), 16);
			if (size == 0) {
				// trailers, then the empty line
				for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
					// ignored
				}
				return;
			}
			readFully(size, body);
			readLine();
		}
	}

	private void readFully(long length, ByteSink body) throws IOException {
		long remaining = length;
		while (remaining > 0) {
			int read = this.in.read(this.line, 0, (int) Math.min(this.line.length, remaining));
			if (read < 0) {
				if (length == Long.MAX_VALUE) {
					return;
				}
				throw new EOFException("connection closed inside a body");
			}
			if (body != null) {
				body.write(this.line, read);
			}
			remaining -= read;
		}
	}

	/** One CRLF-terminated line (ISO-8859-1, as HTTP headers are), or null at end of stream. */
	private String readLine() throws IOException {
		int length = 0;
		while (true) {
			int next = this.in.read();
			if (next < 0) {
				return (length == 0) ? null : new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (next == '\n') {
				if (length > 0 && this.line[length - 1] == '\r') {
					length--;
				}
				return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (length == this.line.length) {
				throw new IOException("header line longer than " + this.line.length + " bytes");
			}
			this.line[length++] = (byte) next;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/** A growable buffer for the body the caller asked to keep. */
	private static final class ByteSink {

		private byte[] bytes = new byte[1024];

		private int size;

		void write(byte[] source, int length) {
			if (this.size + length > this.bytes.length) {
				this.bytes = java.util.Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + length));
			}
			System.arraycopy(source, 0, this.bytes, this.size, length);
			this.size += length;
		}

		byte[] toByteArray() {
			return java.util.Arrays.copyOf(this.bytes, this.size);
		}

	}

}
