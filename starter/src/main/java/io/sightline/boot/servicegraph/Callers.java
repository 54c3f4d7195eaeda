package io.sightline.boot.servicegraph;

import java.util.Iterator;

/**
 * The {@code sightline.caller} baggage entry: reading it from W3C {@code baggage} header values,
 * validating it, and writing it into a header value. Every value that reaches a metric label goes
 * through {@link #sanitize(String)}, so a hostile header cannot inject arbitrary label values: at most
 * {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}, else {@value #UNKNOWN}.
 */
public final class Callers {

	/** The baggage key that carries the name of the calling service. */
	public static final String BAGGAGE_KEY = "sightline.caller";

	/** The W3C baggage header (HTTP header and Kafka record header alike). */
	public static final String BAGGAGE_HEADER = "baggage";

	/** The client label when the caller is absent or invalid. */
	public static final String UNKNOWN = "unknown";

	/** Longest accepted caller name. */
	public static final int MAX_LENGTH = 64;

	/** Characters of one header value that are looked at; the W3C limit of a whole baggage header. */
	static final int MAX_HEADER_CHARS = 8192;

	/** Header values (repeated baggage headers) that are looked at. */
	static final int MAX_HEADER_VALUES = 8;

	private Callers() {
	}

	/**
	 * The caller as a metric label: the (percent-decoded) value when it is 1 to {@value #MAX_LENGTH}
	 * characters of {@code [A-Za-z0-9._-]}, else {@value #UNKNOWN}.
	 */
	public static String sanitize(String raw) {
		String valid = validOrNull(raw);
		return (valid != null) ? valid : UNKNOWN;
	}

	/** The valid caller name, or null when absent or invalid. */
	static String validOrNull(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.trim();
		// a percent-encoded valid name is at most three times as long
		if (value.isEmpty() || value.length() > MAX_LENGTH * 3) {
			return null;
		}
		if (value.indexOf('%') >= 0) {
			value = percentDecode(value);
			if (value == null) {
				return null;
			}
		}
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isNameChar(value.charAt(i))) {
				return null;
			}
		}
		return value;
	}

	/**
	 * This service's own name as it travels in baggage and appears as the server label: characters
	 * outside {@code [A-Za-z0-9._-]} become '-', and it is cut at {@value #MAX_LENGTH}, so that the
	 * client label a downstream service records equals the server label recorded here.
	 */
	public static String normalizeOwnName(String serviceName) {
		if (serviceName == null || serviceName.isBlank()) {
			return UNKNOWN;
		}
		String trimmed = serviceName.trim();
		StringBuilder name = new StringBuilder(Math.min(trimmed.length(), MAX_LENGTH));
		for (int i = 0; i < trimmed.length() && name.length() < MAX_LENGTH; i++) {
			char c = trimmed.charAt(i);
			name.append(isNameChar(c) ? c : '-');
		}
		return name.toString();
	}

	static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	/**
	 * The raw value of {@code sightline.caller} in W3C baggage header values (the first occurrence),
	 * or null. Bounded: at most {@value #MAX_HEADER_VALUES} values and the first
	 * {@value #MAX_HEADER_CHARS} characters of each are looked at; malformed members are skipped.
	 */
	public static String fromBaggageHeaders(Iterator<String> headerValues) {
		if (headerValues == null) {
			return null;
		}
		for (int n = 0; n < MAX_HEADER_VALUES && headerValues.hasNext(); n++) {
			String value = fromBaggageHeader(headerValues.next());
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** The raw value of {@code sightline.caller} in one W3C baggage header value, or null. */
	public static String fromBaggageHeader(String header) {
		if (header == null || header.isEmpty()) {
			return null;
		}
		int end = Math.min(header.length(), MAX_HEADER_CHARS);
		int start = 0;
		while (start < end) {
			int comma = header.indexOf(',', start);
			int memberEnd = (comma < 0 || comma > end) ? end : comma;
			String value = valueIfCaller(header, start, memberEnd);
			if (value != null) {
				return value;
			}
			start = memberEnd + 1;
		}
		return null;
	}

	/** {@code key=value;properties} between start and end: the value when the key is ours. */
	private static String valueIfCaller(String header, int start, int end) {
		int semicolon = header.indexOf(';', start);
		if (semicolon >= 0 && semicolon < end) {
			end = semicolon;
		}
		int equals = header.indexOf('=', start);
		if (equals < 0 || equals >= end) {
			return null;
		}
		if (!header.substring(start, equals).trim().equals(BAGGAGE_KEY)) {
			return null;
		}
		return header.substring(equals + 1, end).trim();
	}

	/**
	 * A baggage header value with {@code sightline.caller=<caller>} and every other member of the given
	 * values kept as they were (the bound on what is read applies; members beyond it are dropped).
	 */
	static String withCaller(Iterator<String> headerValues, String caller) {
		StringBuilder merged = new StringBuilder();
		if (headerValues != null) {
			for (int n = 0; n < MAX_HEADER_VALUES && headerValues.hasNext(); n++) {
				String header = headerValues.next();
				if (header == null) {
					continue;
				}
				int end = Math.min(header.length(), MAX_HEADER_CHARS);
				int start = 0;
				while (start < end) {
					int comma = header.indexOf(',', start);
					int memberEnd = (comma < 0 || comma > end) ? end : comma;
					String member = header.substring(start, memberEnd).trim();
					if (!member.isEmpty() && !isCallerMember(member)) {
						merged.append(member).append(',');
					}
					start = memberEnd + 1;
				}
			}
		}
		return merged.append(BAGGAGE_KEY).append('=').append(caller).toString();
	}

	private static boolean isCallerMember(String member) {
		int equals = member.indexOf('=');
		return equals > 0 && member.substring(0, equals).trim().equals(BAGGAGE_KEY);
	}

	/** Decodes %XX sequences; null when one is malformed or decodes to a non-ASCII byte. */
	private static String percentDecode(String value) {
		StringBuilder decoded = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '%') {
				decoded.append(c);
				continue;
			}
			if (i + 2 >= value.length()) {
				return null;
			}
			int high = Character.digit(value.charAt(i + 1), 16);
			int low = Character.digit(value.charAt(i + 2), 16);
			if (high < 0 || low < 0) {
				return null;
			}
			int b = (high << 4) | low;
			if (b > 0x7f) {
				return null;
			}
			decoded.append((char) b);
			i += 2;
		}
		return decoded.toString();
	}

}
