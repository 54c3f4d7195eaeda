package io.sightline.redaction;

/**
 * Finds HTTP credentials written as {@code Bearer <token>} anywhere, and {@code Basic <base64>}
 * after an Authorization key (the word "basic" is too common in prose to mask on its own).
 * The scheme is kept, only the credential is replaced.
 */
final class AuthSchemeScanner {

	private static final String AUTHORIZATION = "authorization";

	private AuthSchemeScanner() {
	}

	/**
	 * Length of the scheme word "bearer" (6) or "basic" (5) starting at {@code i}, any case, or 0.
	 * Hand-written because {@code regionMatches(true, ...)} is too slow for a per-character gate.
	 */
	static int schemeLength(String text, int i) {
		int length = text.length();
		if (i + 5 > length || (text.charAt(i) | 0x20) != 'b') {
			return 0;
		}
		int second = text.charAt(i + 1) | 0x20;
		if (second == 'e') {
			return (i + 6 <= length && (text.charAt(i + 2) | 0x20) == 'a' && (text.charAt(i + 3) | 0x20) == 'r'
					&& (text.charAt(i + 4) | 0x20) == 'e' && (text.charAt(i + 5) | 0x20) == 'r') ? 6 : 0;
		}
		if (second == 'a') {
			return ((text.charAt(i + 2) | 0x20) == 's' && (text.charAt(i + 3) | 0x20) == 'i'
					&& (text.charAt(i + 4) | 0x20) == 'c') ? 5 : 0;
		}
		return 0;
	}

	/** Scans from {@code from}, the first scheme word found by the gate. */
	static MaskedRanges scan(String text, int from, String replacement, MaskedRanges masked) {
		int length = text.length();
		int i = from;
		while (i < length) {
			char c = text.charAt(i);
			if ((c | 0x20) != 'b' || (i > 0 && Chars.isWordChar(text.charAt(i - 1)))) {
				i++;
				continue;
			}
			int scheme = schemeLength(text, i);
			if (scheme == 0) {
				i++;
				continue;
			}
			boolean bearer = scheme == 6;
			int schemeEnd = i + scheme;
			int tokenStart = credentialStart(text, schemeEnd);
			if (tokenStart < 0) {
				i = schemeEnd;
				continue;
			}
			int tokenEnd = credentialEnd(text, tokenStart);
			if ((bearer || (isBase64(text, tokenStart, tokenEnd) && afterAuthorizationKey(text, i)))
					&& !isRedacted(text, tokenStart, replacement)) {
				masked = MaskedRanges.add(masked, tokenStart, tokenEnd);
			}
			i = Math.max(tokenEnd, schemeEnd);
		}
		return masked;
	}

	/**
	 * Start of the credential after a scheme word that ends at {@code schemeEnd}: one or more
	 * blanks then a non-terminator character, otherwise -1 ("bearers", "Bearer" at the end).
	 */
	static int credentialStart(String text, int schemeEnd) {
		int p = schemeEnd;
		while (p < text.length() && Chars.isBlank(text.charAt(p))) {
			p++;
		}
		if (p == schemeEnd || p >= text.length() || Chars.endsValue(text.charAt(p))) {
			return -1;
		}
		return p;
	}

	/** End of an opaque credential (token68 and friends) starting at {@code from}. */
	static int credentialEnd(String text, int from) {
		int p = from;
		while (p < text.length() && !Chars.endsValue(text.charAt(p))) {
			p++;
		}
		return p;
	}

	/**
	 * For a value such as "Bearer abc" in [start, end), the start of the credential after the
	 * scheme word, so that the scheme stays readable; otherwise {@code start}.
	 */
	static int skipScheme(String text, int start, int end) {
		int scheme = schemeLength(text, start);
		if (scheme == 0) {
			return start;
		}
		int schemeEnd = start + scheme;
		int p = schemeEnd;
		while (p < end && Chars.isBlank(text.charAt(p))) {
			p++;
		}
		return (p > schemeEnd && p < end) ? p : start;
	}

	/** Already replaced, so redacting twice changes nothing. */
	static boolean isRedacted(String text, int at, String replacement) {
		return !replacement.isEmpty() && text.startsWith(replacement, at);
	}

	private static boolean isBase64(String text, int start, int end) {
		for (int p = start; p < end; p++) {
			if (!Chars.isBase64(text.charAt(p))) {
				return false;
			}
		}
		return end > start;
	}

	/**
	 * Looks back from the scheme for {@code authorization:} or {@code authorization=}, allowing
	 * blanks, quotes (also JSON-escaped) and an opening bracket in between.
	 */
	private static boolean afterAuthorizationKey(String text, int schemeStart) {
		int p = skipBlanksBack(text, schemeStart - 1);
		for (int skipped = 0; p >= 0 && skipped < 3; skipped++) {
			char c = text.charAt(p);
			if (!Chars.isQuote(c) && c != '\\' && c != '[') {
				break;
			}
			p--;
		}
		p = skipBlanksBack(text, p);
		if (p < 0 || (text.charAt(p) != ':' && text.charAt(p) != '=')) {
			return false;
		}
		p = skipBlanksBack(text, p - 1);
		if (p >= 0 && Chars.isQuote(text.charAt(p))) {
			p--;
			if (p >= 0 && text.charAt(p) == '\\') {
				p--;
			}
		}
		int keyStart = p + 1 - AUTHORIZATION.length();
		return keyStart >= 0 && text.regionMatches(true, keyStart, AUTHORIZATION, 0, AUTHORIZATION.length());
	}

	private static int skipBlanksBack(String text, int from) {
		int p = from;
		while (p >= 0 && Chars.isBlank(text.charAt(p))) {
			p--;
		}
		return p;
	}

}
