package io.sightline.redaction;

import java.util.Arrays;

/**
 * Ranges to replace, collected from every detector over the original text. Only created
 * once something matched, so the clean path allocates nothing.
 */
final class MaskedRanges {

	/** Each entry packs start (high 32 bits) and end (low 32 bits); sorting the longs sorts by start. */
	private long[] ranges = new long[8];

	private int size;

	/** Adds [start, end) to {@code masked}, creating the collector on the first match. */
	static MaskedRanges add(MaskedRanges masked, int start, int end) {
		if (end <= start) {
			return masked;
		}
		MaskedRanges target = (masked != null) ? masked : new MaskedRanges();
		if (target.size == target.ranges.length) {
			target.ranges = Arrays.copyOf(target.ranges, target.size * 2);
		}
		target.ranges[target.size++] = ((long) start << 32) | end;
		return target;
	}

	int size() {
		return this.size;
	}

	int start(int index) {
		return (int) (this.ranges[index] >>> 32);
	}

	int end(int index) {
		return (int) this.ranges[index];
	}

	/** Replaces every range with {@code replacement}; overlapping ranges become one replacement. */
	String apply(String text, String replacement) {
		Arrays.sort(this.ranges, 0, this.size);
		StringBuilder out = new StringBuilder(text.length() + this.size * replacement.length());
		int position = 0;
		int i = 0;
		while (i < this.size) {
			int start = (int) (this.ranges[i] >>> 32);
			int end = (int) this.ranges[i];
			i++;
			while (i < this.size && (int) (this.ranges[i] >>> 32) < end) {
				end = Math.max(end, (int) this.ranges[i]);
				i++;
			}
			out.append(text, position, start).append(replacement);
			position = end;
		}
		out.append(text, position, text.length());
		return out.toString();
	}

}
