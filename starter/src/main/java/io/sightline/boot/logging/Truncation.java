package io.sightline.boot.logging;

import io.sightline.redaction.RedactionPolicy;

/**
 * Redacts, then caps the length of hostile or runaway text, leaving a marker that says how much was
 * cut. Text is first trimmed to the cap plus a margin, so redaction cost is bounded by the cap and a
 * secret that straddles the cut is still seen whole by the redactor.
 */
final class Truncation {

	static final int REDACTION_MARGIN = 4096;

	private Truncation() {
	}

	static String redactAndCap(RedactionPolicy policy, String key, String text, int max) {
		if (text == null) {
			return null;
		}
		int originalLength = text.length();
		long limit = (long) max + REDACTION_MARGIN;
		String window = (originalLength > limit) ? text.substring(0, (int) limit) : text;
		String redacted = (key != null) ? policy.redactValue(key, window) : policy.redact(window);
		if (redacted.length() <= max && window.length() == originalLength) {
			return redacted;
		}
		int cut = Math.min(max, redacted.length());
		if (cut > 0 && Character.isHighSurrogate(redacted.charAt(cut - 1))) {
			cut--;
		}
		int removed = originalLength - cut;
		return (removed > 0) ? redacted.substring(0, cut) + "…[truncated " + removed + " chars]" : redacted;
	}

}
