package io.sightline.redaction;

/** Character classes used by the scanners; ASCII fast paths because log text is mostly ASCII. */
final class Chars {

	private Chars() {
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isAsciiLetter(char c) {
		char lower = (char) (c | 0x20);
		return c < 0x80 && lower >= 'a' && lower <= 'z';
	}

	/** Letter or digit in any script: what makes a digit run part of a longer token. */
	static boolean isWordChar(char c) {
		if (c < 0x80) {
			return isDigit(c) || isAsciiLetter(c);
		}
		return Character.isLetterOrDigit(c);
	}

	static boolean isBase64Url(char c) {
		return isDigit(c) || isAsciiLetter(c) || c == '-' || c == '_';
	}

	static boolean isBase64(char c) {
		return isDigit(c) || isAsciiLetter(c) || c == '+' || c == '/' || c == '=';
	}

	/** Control characters count as whitespace so a value never runs across a newline or tab. */
	static boolean isSpace(char c) {
		if (c <= ' ') {
			return true;
		}
		return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
	}

	static boolean isBlank(char c) {
		return c == ' ' || c == '\t';
	}

	static boolean isQuote(char c) {
		return c == '"' || c == '\'';
	}

	/** Separators ignored when comparing keys, so that api_key, api-key and apiKey are one key. */
	static boolean isKeyJoiner(char c) {
		return c == '_' || c == '-';
	}

	/** Case fold without allocation; the double mapping covers characters whose lower case is not unique. */
	static char fold(char c) {
		if (c < 0x80) {
			return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
		}
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	/** End of an opaque credential: whitespace, quotes, list and query separators, or closing brackets. */
	static boolean endsValue(char c) {
		switch (c) {
			case '&':
			case ',':
			case ';':
			case '"':
			case '\'':
			case ')':
			case ']':
			case '}':
				return true;
			default:
				return isSpace(c);
		}
	}

}
