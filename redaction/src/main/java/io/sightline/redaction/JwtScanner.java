package io.sightline.redaction;

/**
 * Finds JSON Web Tokens: base64url segments joined by dots, the first starting with "eyJ"
 * (base64 of '{"'). Header and payload must be present; the signature may be empty (unsigned
 * tokens) and extra segments (JWE) are included. A token must start after a character that is
 * neither base64url nor '.', so every character is parsed by at most one candidate.
 */
final class JwtScanner {

	private JwtScanner() {
	}

	static MaskedRanges scan(String text, int from, MaskedRanges masked) {
		int length = text.length();
		int i = from;
		while (i < length) {
			int start = text.indexOf("eyJ", i);
			if (start < 0) {
				break;
			}
			if (start > 0 && isTokenChar(text.charAt(start - 1))) {
				i = skipToken(text, start);
				continue;
			}
			int p = skipBase64Url(text, start + 3);
			if (p >= length || text.charAt(p) != '.') {
				i = p;
				continue;
			}
			int payload = p + 1;
			p = skipBase64Url(text, payload);
			if (p == payload || p >= length || text.charAt(p) != '.') {
				i = p;
				continue;
			}
			p = skipBase64Url(text, p + 1);
			while (p + 1 < length && text.charAt(p) == '.' && Chars.isBase64Url(text.charAt(p + 1))) {
				p = skipBase64Url(text, p + 1);
			}
			masked = MaskedRanges.add(masked, start, p);
			i = p;
		}
		return masked;
	}

	private static boolean isTokenChar(char c) {
		return c == '.' || Chars.isBase64Url(c);
	}

	private static int skipBase64Url(String text, int from) {
		int p = from;
		while (p < text.length() && Chars.isBase64Url(text.charAt(p))) {
			p++;
		}
		return p;
	}

	private static int skipToken(String text, int from) {
		int p = from;
		while (p < text.length() && isTokenChar(text.charAt(p))) {
			p++;
		}
		return p;
	}

}
