package io.sightline.otel.redaction;

/**
 * Takes generated identifiers out of span names, which are grouped by name: an embedded database that
 * Spring Boot names with a random UUID ({@code SELECT 0b6f...e1c2.owners}) would give every restart new
 * span names. A UUID becomes {@value #PLACEHOLDER}.
 */
final class GeneratedIdentifiers {

	static final String PLACEHOLDER = "{uuid}";

	private static final int UUID_LENGTH = 36;

	private GeneratedIdentifiers() {
	}

	/** The name with each UUID replaced; the same instance when it has none (the common case). */
	static String normalize(String name) {
		if (name == null || name.length() < UUID_LENGTH || name.indexOf('-') < 0) {
			return name;
		}
		StringBuilder normalized = null;
		int copied = 0;
		for (int i = 0; i + UUID_LENGTH <= name.length(); i++) {
			if (isUuidAt(name, i) && isBoundary(name, i - 1) && isBoundary(name, i + UUID_LENGTH)) {
				if (normalized == null) {
					normalized = new StringBuilder(name.length());
				}
				normalized.append(name, copied, i).append(PLACEHOLDER);
				copied = i + UUID_LENGTH;
				i = copied - 1;
			}
		}
		return (normalized != null) ? normalized.append(name, copied, name.length()).toString() : name;
	}

	/** 8-4-4-4-12 hex digits starting at {@code start}. */
	private static boolean isUuidAt(String text, int start) {
		for (int i = 0; i < UUID_LENGTH; i++) {
			char c = text.charAt(start + i);
			boolean dash = (i == 8 || i == 13 || i == 18 || i == 23);
			if (dash ? c != '-' : Character.digit(c, 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isBoundary(String text, int index) {
		return index < 0 || index >= text.length() || Character.digit(text.charAt(index), 16) < 0;
	}

}
