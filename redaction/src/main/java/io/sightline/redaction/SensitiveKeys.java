package io.sightline.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches field names against the sensitive key set without allocating. Keys compare
 * case-insensitively and ignoring '_' and '-', and a key matches as a suffix, so
 * {@code api_key} covers {@code apiKey} and {@code x-api-key}, and {@code password} covers
 * {@code db_password}.
 */
final class SensitiveKeys {

	private static final int OTHER_BUCKET = 128;

	/** Normalized keys grouped by their last character, so a lookup compares only a few keys. */
	private final char[][][] buckets = new char[OTHER_BUCKET + 1][][];

	/** Lower-cased exact paths: configured field paths and keys that contain '.' or '/'. */
	private final String[] paths;

	private final boolean empty;

	SensitiveKeys(Collection<String> keys, Collection<String> fieldPaths) {
		Set<String> normalized = new LinkedHashSet<>();
		Set<String> exactPaths = new LinkedHashSet<>();
		for (String key : keys) {
			String n = normalize(key);
			if (!n.isEmpty()) {
				normalized.add(n);
			}
			if (key.indexOf('.') >= 0 || key.indexOf('/') >= 0) {
				exactPaths.add(key.toLowerCase(Locale.ROOT));
			}
		}
		for (String path : fieldPaths) {
			exactPaths.add(path.toLowerCase(Locale.ROOT));
		}
		List<List<char[]>> grouped = new ArrayList<>();
		for (int i = 0; i <= OTHER_BUCKET; i++) {
			grouped.add(new ArrayList<>());
		}
		for (String n : normalized) {
			grouped.get(bucket(n.charAt(n.length() - 1))).add(n.toCharArray());
		}
		for (int i = 0; i <= OTHER_BUCKET; i++) {
			List<char[]> group = grouped.get(i);
			this.buckets[i] = group.isEmpty() ? null : group.toArray(new char[0][]);
		}
		this.paths = exactPaths.toArray(new String[0]);
		this.empty = normalized.isEmpty();
	}

	boolean isEmpty() {
		return this.empty;
	}

	/** Whole-key check used for span attributes and structured fields. */
	boolean isSensitive(String key) {
		int length = key.length();
		for (String path : this.paths) {
			if (path.length() == length && path.equalsIgnoreCase(key)) {
				return true;
			}
		}
		int segmentStart = length;
		while (segmentStart > 0) {
			char c = key.charAt(segmentStart - 1);
			if (c == '.' || c == '/') {
				break;
			}
			segmentStart--;
		}
		return endsWithKey(key, segmentStart, length);
	}

	/** True when the text in [from, end) ends with a sensitive key (normalized comparison). */
	boolean endsWithKey(String text, int from, int end) {
		if (end <= from) {
			return false;
		}
		char[][] candidates = this.buckets[bucket(Chars.fold(text.charAt(end - 1)))];
		if (candidates == null) {
			return false;
		}
		for (char[] candidate : candidates) {
			if (endsWith(text, from, end, candidate)) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsWith(String text, int from, int end, char[] key) {
		int k = key.length - 1;
		int t = end - 1;
		while (k >= 0) {
			if (t < from) {
				return false;
			}
			char c = text.charAt(t);
			if (Chars.isKeyJoiner(c)) {
				t--;
				continue;
			}
			if (Chars.fold(c) != key[k]) {
				return false;
			}
			k--;
			t--;
		}
		return true;
	}

	private static int bucket(char folded) {
		return (folded < OTHER_BUCKET) ? folded : OTHER_BUCKET;
	}

	static String normalize(String key) {
		StringBuilder out = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!Chars.isKeyJoiner(c)) {
				out.append(Chars.fold(c));
			}
		}
		return out.toString();
	}

}
