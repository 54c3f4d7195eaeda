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

	/** Luhn doubling with the digits of the product summed. */
	private static final int[] DOUBLED = { 0, 2, 4, 6, 8, 1, 3, 5, 7, 9 };

	private CardNumberScanner() {
	}

	/** Start of the digit, blank and dash run containing {@code i}, where a card scan can begin. */
	static int runStart(String text, int i) {
		int p = i;
		while (p > 0) {
			char c = text.charAt(p - 1);
			if (!Chars.isDigit(c) && c != ' ' && c != '-') {
				break;
			}
			p--;
		}
		return p;
	}

	/**
	 * Finds cards that start in [from, to); {@code from} must not be inside a digit group. A card
	 * starting there may extend past {@code to}.
	 */
	static MaskedRanges scan(String text, int from, int to, MaskedRanges masked) {
		int length = text.length();
		int i = from;
		while (true) {
			// Tight skip loop: most characters are not digits.
			while (i < to && !Chars.isDigit(text.charAt(i))) {
				i++;
			}
			if (i >= to) {
				return masked;
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
				masked = scanRun(text, i, runEnd, masked);
			}
			i = runEnd;
		}
	}

	/** Tries every group of the run [start, runEnd) as a card start, leftmost-longest first. */
	private static MaskedRanges scanRun(String text, int start, int runEnd, MaskedRanges masked) {
		int g = start;
		while (g < runEnd) {
			int end = longestCardAt(text, g, runEnd);
			if (end > 0) {
				masked = MaskedRanges.add(masked, g, end);
				g = end;
			}
			else {
				g = skipDigits(text, g);
			}
			// Step over the separator to the next group.
			g++;
		}
		return masked;
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

	/** End of the longest Luhn-valid card starting at {@code start} within its run, or -1. */
	private static int longestCardAt(String text, int start, int runEnd) {
		int length = text.length();
		// Luhn sums if the last digit read is not doubled (valid when divisible by 10), and if it
		// is. Appending a digit swaps the roles; a table lookup keeps it free of branches.
		int plain = 0;
		int doubled = 0;
		int digits = 0;
		int best = -1;
		int p = start;
		while (p < runEnd) {
			char c = text.charAt(p);
			if (Chars.isDigit(c)) {
				if (digits == MAX_DIGITS) {
					break;
				}
				int d = c - '0';
				int nextPlain = doubled + d;
				doubled = plain + DOUBLED[d];
				plain = nextPlain;
				digits++;
				p++;
				boolean groupEnd = p == length || !Chars.isDigit(text.charAt(p));
				if (groupEnd && digits >= MIN_DIGITS && (p == length || !Chars.isWordChar(text.charAt(p)))
						&& plain % 10 == 0) {
					best = p;
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
