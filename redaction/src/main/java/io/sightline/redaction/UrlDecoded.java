package io.sightline.redaction;

/**
 * A URL-decoded view of a text with, for each decoded character, where it starts in the original.
 * Only escapes of ASCII characters ({@code %00} to {@code %7F}) are decoded, and {@code +} as a
 * space: the secrets the detectors know are ASCII, and a character keeps a one-to-one origin.
 */
final class UrlDecoded {

	private final String text;

	/** {@code sourceStarts[i]} is where decoded character i starts in the original; one extra entry: its length. */
	private final int[] sourceStarts;

	private UrlDecoded(String text, int[] sourceStarts) {
		this.text = text;
		this.sourceStarts = sourceStarts;
	}

	/**
	 * Whether decoding can change what the detectors see: an ASCII escape, or a {@code +} between
	 * digits (a card number from a form or a query string). Two {@code indexOf} calls for most text.
	 */
	static boolean worthDecoding(String text) {
		int percent = text.indexOf('%');
		while (percent >= 0 && percent + 2 < text.length()) {
			if (asciiEscape(text, percent) >= 0) {
				return true;
			}
			percent = text.indexOf('%', percent + 1);
		}
		int plus = text.indexOf('+');
		while (plus > 0 && plus + 1 < text.length()) {
			if (isDigit(text.charAt(plus - 1)) && isDigit(text.charAt(plus + 1))) {
				return true;
			}
			plus = text.indexOf('+', plus + 1);
		}
		return false;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static UrlDecoded of(String original) {
		StringBuilder text = new StringBuilder(original.length());
		int[] starts = new int[original.length() + 1];
		int i = 0;
		while (i < original.length()) {
			starts[text.length()] = i;
			char c = original.charAt(i);
			int escaped = (c == '%') ? asciiEscape(original, i) : -1;
			if (escaped >= 0) {
				text.append((char) escaped);
				i += 3;
			}
			else {
				text.append((c == '+') ? ' ' : c);
				i++;
			}
		}
		starts[text.length()] = original.length();
		return new UrlDecoded(text.toString(), starts);
	}

	/** The ASCII character of a {@code %XX} escape at {@code at}, or -1. */
	private static int asciiEscape(String text, int at) {
		if (at + 2 >= text.length()) {
			return -1;
		}
		int high = Character.digit(text.charAt(at + 1), 16);
		int low = Character.digit(text.charAt(at + 2), 16);
		return (high >= 0 && high < 8 && low >= 0) ? (high << 4) | low : -1;
	}

	String text() {
		return this.text;
	}

	int sourceStart(int decodedIndex) {
		return this.sourceStarts[decodedIndex];
	}

}
