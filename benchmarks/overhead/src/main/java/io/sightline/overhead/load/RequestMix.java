package io.sightline.overhead.load;

import java.nio.charset.StandardCharsets;

/**
 * The prepared order requests the generators cycle through: 100 distinct bodies (customers, products,
 * quantities, currencies), encoded once so that sending one allocates nothing.
 */
public final class RequestMix {

	private static final String[] CURRENCIES = { "EUR", "USD", "GBP", "CHF" };

	private final byte[][] requests;

	private RequestMix(byte[][] requests) {
		this.requests = requests;
	}

	public static RequestMix orders(int port) {
		byte[][] requests = new byte[100][];
		for (int i = 0; i < requests.length; i++) {
			String body = "{\"customerId\":\"c-" + (i * 7 % 50) + "\",\"sku\":\"SKU-" + (i % 10) + "\",\"quantity\":"
					+ (1 + i % 3) + ",\"currency\":\"" + CURRENCIES[i % CURRENCIES.length] + "\"}";
			byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST /orders HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
			byte[] request = new byte[headBytes.length + bodyBytes.length];
			System.arraycopy(headBytes, 0, request, 0, headBytes.length);
			System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
			requests[i] = request;
		}
		return new RequestMix(requests);
	}

	public byte[] get(long sequence) {
		return this.requests[(int) (sequence % this.requests.length)];
	}

}
