package io.sightline.redaction;

/**
 * Finds payment card numbers: 13 to 19 digits, optionally grouped by single spaces or dashes,
 * on word boundaries, that pass the Luhn check. A candidate may start at any group of a longer
 * digit sequence ("order 12 4111 1111 1111 1111"), so a number written next to the card does not
 * hide it. Each start reads at most 19 digits, which keeps the scan linear.
 */
final class CardNumberScanner {

	static final int MIN_DIGITS = 13;

	static final int MAX_DIGITS = 19;

	private CardNumberScanner() {
	}

	static Spans scan(String text, Spans spans) {
		int length = text.length();
		int i = 0;
		while (true) {
			// Tight skip loop: most characters are not digits.
			while (i < length && !Chars.isDigit(text.charAt(i))) {
				i++;
			}
			if (i >= length) {
				return spans;
			}
			if (i > 0 && Chars.isWordChar(text.charAt(i - 1))) {
				i = skipDigits(text, i);
				continue;
			}
			// Measure the whole run first: when it holds fewer than 13 digits, so does every part
			// of it, and dates, times and small numbers are dismissed without a Luhn check.
			int digits = 0;
			int runEnd = i;
			while (runEnd < length) {
				char c = text.charAt(runEnd);
				if (Chars.isDigit(c)) {
					digits++;
				}
				else if (!isSeparatorBeforeDigit(text, runEnd, c)) {
					break;
				}
				runEnd++;
			}
			if (digits >= MIN_DIGITS) {
				spans = scanRun(text, i, runEnd, spans);
			}
			i = runEnd;
		}
	}

	/** Tries every group of the run [start, runEnd) as a card start, leftmost-longest first. */
	private static Spans scanRun(String text, int start, int runEnd, Spans spans) {
		int g = start;
		while (g < runEnd) {
			int end = longestCardAt(text, g, runEnd);
			if (end > 0) {
				spans = Spans.add(spans, g, end);
				g = end;
			}
			else {
				g = skipDigits(text, g);
			}
			// Step over the separator to the next group.
			g++;
		}
		return spans;
	}

	private static boolean isSeparatorBeforeDigit(String text, int p, char c) {
		return (c == ' ' || c == '-') && p + 1 < text.length() && Chars.isDigit(text.charAt(p + 1));
	}

	private static int skipDigits(String text, int from) {
		int p = from;
		while (p < text.length() && Chars.isDigit(text.charAt(p))) {
			p++;
		}
		return p;
	}

	/** End of the longest Luhn-valid card starting at {@code start}, or -1. */
	private static int longestCardAt(String text, int start, int runEnd) {
		int length = text.length();
		int digits = 0;
		// Luhn sums for both parities; which one applies depends on the final length.
		int sumEvenDoubled = 0;
		int sumOddDoubled = 0;
		int best = -1;
		int p = start;
		while (p < runEnd) {
			char c = text.charAt(p);
			if (Chars.isDigit(c)) {
				if (digits == MAX_DIGITS) {
					break;
				}
				int d = c - '0';
				int doubled = (d < 5) ? d * 2 : d * 2 - 9;
				if ((digits & 1) == 0) {
					sumEvenDoubled += doubled;
					sumOddDoubled += d;
				}
				else {
					sumEvenDoubled += d;
					sumOddDoubled += doubled;
				}
				digits++;
				p++;
				boolean groupEnd = p == length || !Chars.isDigit(text.charAt(p));
				if (groupEnd && digits >= MIN_DIGITS && (p == length || !Chars.isWordChar(text.charAt(p)))) {
					// The rightmost digit is never doubled, so with an even count the even indexes are.
					int sum = ((digits & 1) == 0) ? sumEvenDoubled : sumOddDoubled;
					if (sum % 10 == 0) {
						best = p;
					}
				}
			}
			else {
				// Inside a run every non-digit is a single separator followed by a digit.
				p++;
			}
		}
		return best;
	}

}
