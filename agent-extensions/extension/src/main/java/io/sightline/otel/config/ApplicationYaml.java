package io.sightline.otel.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One scalar of the application's application.yml (or .yaml), looked up on the class path and under
 * {@code BOOT-INF/classes/}, without a YAML library on the agent's class path. It reads the first
 * document's block mappings, nested ({@code management:} / {@code tracing:} …), dotted
 * ({@code management.tracing: …}) or both, with plain, single- or double-quoted values and {@code #}
 * comments. Anything else (flow style, anchors, multi-line values, later documents, which may be
 * profile-specific) reads as absent: the starter, which sees Spring's resolved value, then warns.
 */
final class ApplicationYaml {

	static final String[] FILES = { "application.yml", "application.yaml" };

	private static final String BOOT_CLASSES = "BOOT-INF/classes/";

	private ApplicationYaml() {
	}

	/** The value of the dotted key, or null. */
	static String read(ClassLoader loader, String key) {
		ClassLoader classLoader = (loader != null) ? loader : ClassLoader.getSystemClassLoader();
		for (String file : FILES) {
			for (String name : new String[] { file, BOOT_CLASSES + file }) {
				try (InputStream in = classLoader.getResourceAsStream(name)) {
					if (in != null) {
						String value = find(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), key);
						if (value != null) {
							return value;
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					// an unreadable file counts as a missing one
				}
			}
		}
		return null;
	}

	static String find(BufferedReader reader, String key) throws IOException {
		// the keys of the enclosing mappings, with their indentation
		Deque<Integer> indents = new ArrayDeque<>();
		Deque<String> path = new ArrayDeque<>();
		boolean first = true;
		String line;
		while ((line = reader.readLine()) != null) {
			String trimmed = line.strip();
			if (trimmed.equals("---") || trimmed.startsWith("--- ")) {
				if (first) {
					first = false;
					continue;
				}
				// a second document: possibly profile-specific
				return null;
			}
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			first = false;
			int indent = line.indexOf(trimmed.charAt(0));
			if (line.substring(0, indent).indexOf('\t') >= 0 || trimmed.startsWith("- ") || trimmed.equals("-")) {
				// tabs are not YAML indentation; keys inside list items are not ours
				continue;
			}
			int colon = keyEnd(trimmed);
			if (colon < 0) {
				continue;
			}
			while (!indents.isEmpty() && indents.peek() >= indent) {
				indents.pop();
				path.pop();
			}
			String name = unquote(trimmed.substring(0, colon).strip());
			String dotted = path.isEmpty() ? name : String.join(".", reversed(path)) + "." + name;
			String value = withoutComment(trimmed.substring(colon + 1)).strip();
			if (value.isEmpty()) {
				indents.push(indent);
				path.push(name);
			}
			else if (dotted.equals(key)) {
				return scalar(value);
			}
		}
		return null;
	}

	/** Where the key ends: the first ": " or a trailing ":", outside quotes; -1 for no mapping entry. */
	private static int keyEnd(String line) {
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && i == 0) {
				quote = c;
			}
			else if (c == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
				return i;
			}
		}
		return -1;
	}

	private static String withoutComment(String value) {
		String stripped = value.strip();
		if (stripped.startsWith("\"") || stripped.startsWith("'")) {
			int close = stripped.indexOf(stripped.charAt(0), 1);
			return (close > 0) ? stripped.substring(0, close + 1) : stripped;
		}
		int comment = value.indexOf(" #");
		return (comment >= 0) ? value.substring(0, comment) : value;
	}

	/** A plain or quoted scalar; null for what this reader does not understand. */
	private static String scalar(String value) {
		char first = value.charAt(0);
		if ((first == '"' || first == '\'') && value.length() >= 2 && value.charAt(value.length() - 1) == first) {
			String inner = value.substring(1, value.length() - 1);
			return (first == '"' && inner.indexOf('\\') >= 0) ? null : inner;
		}
		if ("[{|>&*!%@`\"'".indexOf(first) >= 0) {
			return null;
		}
		return value;
	}

	private static String unquote(String key) {
		if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')
				&& key.charAt(key.length() - 1) == key.charAt(0)) {
			return key.substring(1, key.length() - 1);
		}
		return key;
	}

	private static Iterable<String> reversed(Deque<String> path) {
		Deque<String> copy = new ArrayDeque<>();
		path.forEach(copy::push);
		return copy;
	}

}
