package io.sightline.redaction;

/**
 * Finds {@code key=value} and {@code key: value} pairs in free text whose key is sensitive, in
 * plain text, query strings, JSON (also JSON escaped inside a string) and toString() output.
 * The key stays; a quoted value is replaced up to its closing quote, an unquoted one up to the
 * next whitespace, '&amp;', ',', ';', quote or closing bracket. Scanning resumes after each
 * value and key lookups walk back only over the key, so the scan is linear.
 */
final class KeyValueScanner {

	private KeyValueScanner() {
	}

	/**
	 * Scans from the first '=' ({@code equals}) and ':' ({@code colon}), either may be -1, jumping
	 * between separators with {@code String.indexOf} rather than reading every character.
	 */
	static MaskedRanges scan(String text, int equals, int colon, SensitiveKeys keys, String replacement, MaskedRanges masked) {
		int length = text.length();
		int nextEquals = equals;
		int nextColon = colon;
		int p = 0;
		while (p < length) {
			if (nextEquals >= 0 && nextEquals < p) {
				nextEquals = text.indexOf('=', p);
			}
			if (nextColon >= 0 && nextColon < p) {
				nextColon = text.indexOf(':', p);
			}
			if (nextEquals < 0 && nextColon < 0) {
				break;
			}
			p = (nextEquals < 0) ? nextColon : (nextColon < 0) ? nextEquals : Math.min(nextEquals, nextColon);
			char c = text.charAt(p);
			// "==", "::" and "://" are operators, method references and URLs, not assignments.
			if (p + 1 < length && (text.charAt(p + 1) == c || (c == ':' && text.charAt(p + 1) == '/'))) {
				p += 2;
				continue;
			}
			if (!keys.endsWithKey(text, 0, keyEnd(text, p))) {
				p++;
				continue;
			}
			int v = skipBlanks(text, p + 1);
			if (AuthSchemeScanner.isRedacted(text, v, replacement)) {
				p = v + replacement.length();
				continue;
			}
			if (v < length && text.charAt(v) == '[') {
				// A list value such as Authorization=[Bearer abc]: redact its first element.
				v = skipBlanks(text, v + 1);
			}
			if (v >= length || text.charAt(v) == '{') {
				// Nested objects carry their own keys; keep scanning inside them.
				p = v;
				continue;
			}
			int start;
			int end;
			int resume;
			char first = text.charAt(v);
			if (Chars.isQuote(first) || (first == '\\' && v + 1 < length && Chars.isQuote(text.charAt(v + 1)))) {
				boolean escaped = first == '\\';
				char quote = escaped ? text.charAt(v + 1) : first;
				start = v + (escaped ? 2 : 1);
				end = closingQuote(text, start, quote, escaped);
				resume = end + 1;
				start = AuthSchemeScanner.skipScheme(text, start, end);
			}
			else {
				start = v;
				end = AuthSchemeScanner.credentialEnd(text, v);
				if (end < length && Chars.isBlank(text.charAt(end))) {
					int credential = AuthSchemeScanner.skipScheme(text, v, length);
					if (credential != v && !Chars.endsValue(text.charAt(credential))) {
						start = credential;
						end = AuthSchemeScanner.credentialEnd(text, credential);
					}
				}
				resume = end;
			}
			if (!AuthSchemeScanner.isRedacted(text, start, replacement)) {
				masked = MaskedRanges.add(masked, start, end);
			}
			p = Math.max(p + 1, resume);
		}
		return masked;
	}

	/** End (exclusive) of the key before the separator at {@code separator}, past blanks and a closing quote. */
	private static int keyEnd(String text, int separator) {
		int p = separator;
		while (p > 0 && Chars.isBlank(text.charAt(p - 1))) {
			p--;
		}
		if (p > 0 && Chars.isQuote(text.charAt(p - 1))) {
			p--;
			if (p > 0 && text.charAt(p - 1) == '\\') {
				p--;
			}
		}
		return p;
	}

	private static int skipBlanks(String text, int from) {
		int p = from;
		while (p < text.length() && Chars.isBlank(text.charAt(p))) {
			p++;
		}
		return p;
	}

	/**
	 * Index of the quote closing a value that starts at {@code from}: skips backslash escapes in
	 * a plain quoted value; for a JSON-escaped value (\"...\") looks for the escaped quote. An
	 * unterminated value ends at the line end, so one missing quote cannot swallow the whole log.
	 */
	private static int closingQuote(String text, int from, char quote, boolean escaped) {
		int length = text.length();
		int p = from;
		while (p < length) {
			char c = text.charAt(p);
			if (c == '\n' || c == '\r') {
				return p;
			}
			if (c == '\\') {
				if (escaped && p + 1 < length && text.charAt(p + 1) == quote) {
					return p;
				}
				p += 2;
				continue;
			}
			if (c == quote && !escaped) {
				return p;
			}
			p++;
		}
		return length;
	}

}
