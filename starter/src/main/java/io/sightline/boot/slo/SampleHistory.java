package io.sightline.boot.slo;

import java.time.Duration;

/**
 * A bounded ring of cumulative (bad, total) samples covering the longest window plus one interval, from
 * which the error ratio over a window is the increase of bad over the increase of total, as
 * Prometheus's {@code rate()} ratio gives it. Not thread-safe: one sampler thread owns it.
 */
final class SampleHistory {

	private final long spanMillis;

	private final Sample[] ring;

	private int head;

	private int size;

	/**
	 * @param span the longest window to answer
	 * @param interval the nominal time between samples, to size the ring
	 */
	SampleHistory(Duration span, Duration interval) {
		this.spanMillis = span.toMillis();
		// pruning by time keeps one sample at or before now - span; the factor 2 tolerates early samples
		this.ring = new Sample[(int) (2 * (span.toMillis() / Math.max(1, interval.toMillis())) + 2)];
	}

	/**
	 * Adds a sample. Counts that went down (a meter was removed, a counter reset) or a clock that went
	 * back restart the history: the differences across such a step would be meaningless.
	 * @return whether the history restarted
	 */
	boolean add(long timeMillis, double bad, double total) {
		boolean restarted = false;
		Sample last = newest();
		if (last != null && (timeMillis < last.time() || bad < last.bad() || total < last.total())) {
			this.head = 0;
			this.size = 0;
			restarted = true;
		}
		if (this.size == this.ring.length) {
			dropOldest();
		}
		this.ring[(this.head + this.size) % this.ring.length] = new Sample(timeMillis, bad, total);
		this.size++;
		// keep exactly one sample at or before now - span, the base of the longest window
		while (this.size > 1 && get(1).time() <= timeMillis - this.spanMillis) {
			dropOldest();
		}
		return restarted;
	}

	/**
	 * The error ratio over the window ending at the newest sample: Δbad / Δtotal from the newest sample at
	 * or before its start, or from the oldest sample when the history is shorter. 0 without traffic;
	 * always within [0, 1].
	 */
	double errorRatio(Duration window) {
		Sample newest = newest();
		if (newest == null) {
			return 0;
		}
		long start = newest.time() - window.toMillis();
		Sample base = get(0);
		for (int i = this.size - 1; i >= 0; i--) {
			if (get(i).time() <= start) {
				base = get(i);
				break;
			}
		}
		double total = newest.total() - base.total();
		if (!(total > 0)) {
			return 0;
		}
		double ratio = (newest.bad() - base.bad()) / total;
		return Math.max(0, Math.min(1, ratio));
	}

	int size() {
		return this.size;
	}

	/** The time covered, from the oldest to the newest sample. */
	Duration span() {
		return (this.size == 0) ? Duration.ZERO : Duration.ofMillis(newest().time() - get(0).time());
	}

	private Sample newest() {
		return (this.size == 0) ? null : get(this.size - 1);
	}

	private Sample get(int index) {
		return this.ring[(this.head + index) % this.ring.length];
	}

	private void dropOldest() {
		this.ring[this.head] = null;
		this.head = (this.head + 1) % this.ring.length;
		this.size--;
	}

	private record Sample(long time, double bad, double total) {
	}

}
