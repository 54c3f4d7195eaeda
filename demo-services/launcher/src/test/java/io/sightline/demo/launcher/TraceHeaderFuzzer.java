package io.sightline.demo.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded, reproducible fuzz cases of the trace headers a service accepts: W3C {@code traceparent} and
 * {@code tracestate}, B3 ({@code b3} and {@code X-B3-*}) and W3C {@code baggage}. Every case knows what
 * a correct propagator does with it: malformed trace ids start a fresh trace ({@link Expect#FRESH});
 * a valid {@code traceparent} next to a malformed {@code tracestate} or {@code baggage} is continued
 * ({@link Expect#CONTINUE}: W3C says to drop only the broken header). Values stay within what HTTP
 * allows in a header (visible ASCII, space, tab, obs-text) and within Tomcat's 8 KB header limit, so
 * that they reach the propagators instead of being refused by the HTTP parser.
 */
final class TraceHeaderFuzzer {

	enum Expect {

		/** A new, valid trace id, not the one sent. */
		FRESH,

		/** The trace id sent. */
		CONTINUE

	}

	/**
	 * @param family which header family is broken
	 * @param sentTraceId the trace id (or what looks like one) that a lenient parser would take
	 */
	record Case(int index, String family, Map<String, String> headers, Expect expect, String sentTraceId) {

	}

	static final List<String> FAMILIES = List.of("traceparent", "b3", "x-b3", "tracestate", "baggage", "all-broken",
			"oversized");

	private static final String HEX = "0123456789abcdef";

	/** Characters that are never hex digits, from the whole range a header value may hold. */
	private static final String NOT_HEX = "ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~ -\t"
			+ "\u0080\u00a0\u00e9\u00ff";

	private final Random random;

	TraceHeaderFuzzer(long seed) {
		this.random = new Random(seed);
	}

	Case next(int index) {
		String family = FAMILIES.get(index % FAMILIES.size());
		String traceId = hex(32);
		String spanId = hex(16);
		Map<String, String> headers = new LinkedHashMap<>();
		Expect expect = Expect.FRESH;
		switch (family) {
			case "traceparent" -> headers.put("traceparent", brokenTraceparent(traceId, spanId));
			case "b3" -> headers.put("b3", brokenB3(traceId, spanId));
			case "x-b3" -> brokenMultiB3(traceId, spanId, headers);
			case "tracestate" -> {
				headers.put("traceparent", "00-" + traceId + "-" + spanId + "-01");
				headers.put("tracestate", brokenTracestate());
				expect = Expect.CONTINUE;
			}
			case "baggage" -> {
				headers.put("traceparent", "00-" + traceId + "-" + spanId + "-01");
				headers.put("baggage", brokenBaggage());
				expect = Expect.CONTINUE;
			}
			case "all-broken" -> {
				headers.put("traceparent", brokenTraceparent(traceId, spanId));
				headers.put("tracestate", brokenTracestate());
				headers.put("b3", brokenB3(traceId, spanId));
				brokenMultiB3(traceId, spanId, headers);
				headers.put("baggage", brokenBaggage());
			}
			case "oversized" -> {
				String header = pick(List.of("traceparent", "b3", "X-B3-TraceId", "tracestate", "baggage"));
				String value = switch (header) {
					case "traceparent" -> "00-" + traceId + "-" + spanId + "-01-" + junk(4000 + this.random.nextInt(2000));
					case "b3" -> corrupt(traceId) + "-" + spanId + "-1-" + hex(16) + "-" + junk(4000 + this.random.nextInt(2000));
					case "X-B3-TraceId" -> traceId + hex(4000 + this.random.nextInt(2000));
					default -> junk(4000 + this.random.nextInt(2000));
				};
				headers.put(header, value);
				if (header.equals("X-B3-TraceId")) {
					headers.put("X-B3-SpanId", spanId);
				}
				if (header.equals("tracestate") || header.equals("baggage")) {
					headers.put("traceparent", "00-" + traceId + "-" + spanId + "-01");
					expect = Expect.CONTINUE;
				}
			}
			default -> throw new IllegalStateException(family);
		}
		return new Case(index, family, headers, expect, traceId);
	}

	private String brokenTraceparent(String traceId, String spanId) {
		List<UnaryOperator<String>> mutations = List.of(
				(v) -> "ff" + v.substring(2), // the one forbidden version
				(v) -> pick(List.of("0g", "zz", "-0", "0", "000", "0x")) + v.substring(2),
				(v) -> v + "-" + junk(1 + this.random.nextInt(40)), // version 00 must be exactly 55 chars
				(v) -> "00-A" + traceId.substring(1).toUpperCase() + "-" + spanId + "-01",
				(v) -> "00-" + corrupt(traceId) + "-" + spanId + "-01",
				(v) -> "00-" + traceId + "-" + corrupt(spanId) + "-01",
				(v) -> "00-" + resize(traceId) + "-" + spanId + "-01",
				(v) -> "00-" + traceId + "-" + resize(spanId) + "-01",
				(v) -> "00-" + traceId + "-" + spanId + "-" + pick(List.of("0", "001", "zz", "0x", "", "-1", "g1")),
				(v) -> "00-" + "0".repeat(32) + "-" + spanId + "-01",
				(v) -> "00-" + traceId + "-" + "0".repeat(16) + "-01",
				(v) -> v.replace('-', pick(List.of('_', ':', ' ', '.', '+'))),
				(v) -> "00" + traceId + spanId + "01",
				(v) -> "00-" + traceId + "-" + spanId,
				(v) -> "00-" + traceId + "-" + spanId + "-01-" + hex(8),
				(v) -> junk(1 + this.random.nextInt(200)),
				(v) -> "",
				(v) -> "00-" + traceId.substring(0, 16) + "-" + spanId + "-01");
		return pick(mutations).apply("00-" + traceId + "-" + spanId + "-01");
	}

	private String brokenB3(String traceId, String spanId) {
		List<UnaryOperator<String>> mutations = List.of(
				(v) -> corrupt(traceId) + "-" + spanId + "-1",
				(v) -> traceId + "-" + corrupt(spanId) + "-1",
				(v) -> hex(pick(List.of(8, 15, 17, 31, 33, 40))) + "-" + spanId + "-1",
				(v) -> traceId + "-" + hex(pick(List.of(8, 15, 17, 32))) + "-1",
				(v) -> "0".repeat(32) + "-" + spanId + "-1",
				(v) -> traceId + "-" + "0".repeat(16) + "-1",
				(v) -> traceId + spanId,
				(v) -> traceId + "--" + spanId,
				(v) -> junk(1 + this.random.nextInt(120)),
				(v) -> "-" + traceId + "-" + spanId);
		return pick(mutations).apply(traceId + "-" + spanId + "-1");
	}

	private void brokenMultiB3(String traceId, String spanId, Map<String, String> headers) {
		if (this.random.nextBoolean()) {
			headers.put("X-B3-TraceId", pick(List.of(corrupt(traceId), resizeB3TraceId(traceId), "0".repeat(32), "",
					junk(1 + this.random.nextInt(60)))));
			headers.put("X-B3-SpanId", spanId);
		}
		else {
			headers.put("X-B3-TraceId", traceId);
			headers.put("X-B3-SpanId", pick(List.of(corrupt(spanId), hex(15), hex(17), "0".repeat(16), "", junk(20))));
		}
		if (this.random.nextBoolean()) {
			headers.put("X-B3-ParentSpanId", pick(List.of(hex(16), corrupt(hex(16)), junk(10))));
		}
		headers.put("X-B3-Sampled", pick(List.of("1", "0", "true", "yes", "2", "", junk(5))));
		if (this.random.nextBoolean()) {
			headers.put("X-B3-Flags", pick(List.of("1", "0", "debug", junk(4))));
		}
	}

	private String brokenTracestate() {
		return pick(List.of(
				// keys must be lowercase, start with a letter, at most 256 chars; vendor@tenant form
				"UPPER=1", "1key=v", "k=", "=v", "k=v=w", "k", ",,,,", "k=v,,k=v", "a@b@c=v",
				"k=" + junk(300), "x".repeat(300) + "=1",
				// more than 32 members
				members(33 + this.random.nextInt(40), "m"),
				junk(1 + this.random.nextInt(400)),
				"k=v\u00e9\u00ff", "k=v ,  , k2=" + junk(10)));
	}

	private String brokenBaggage() {
		return pick(List.of("key", "=value", "k=%zz", "k=%", "k=v;;;;", "k=v;p=", ";;", ",,,", "k=\"quoted\"",
				"k=v,k2", "sightline.caller=" + junk(1 + this.random.nextInt(80)),
				"sightline.caller=" + "a".repeat(70 + this.random.nextInt(100)),
				"sightline.caller=%E2%28%A1", "sightline.caller=", "sightline.caller=a;b=c,sightline.caller=" + junk(8),
				members(180 + this.random.nextInt(60), "b"), junk(1 + this.random.nextInt(500)),
				"k=" + junk(3000), "k=v\u00e9\u00ff\u0080"));
	}

	private String members(int count, String prefix) {
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < count; i++) {
			value.append((i > 0) ? "," : "").append(prefix).append(i).append('=').append(hex(4));
		}
		return value.toString();
	}

	/** Replaces one to three characters by ones that are never hex. */
	private String corrupt(String hex) {
		char[] chars = hex.toCharArray();
		int times = 1 + this.random.nextInt(3);
		for (int i = 0; i < times; i++) {
			chars[this.random.nextInt(chars.length)] = NOT_HEX.charAt(this.random.nextInt(NOT_HEX.length()));
		}
		return new String(chars);
	}

	/** Longer or shorter by one to five hex digits. */
	private String resize(String hex) {
		int delta = 1 + this.random.nextInt(5);
		return this.random.nextBoolean() ? hex + hex(delta) : hex.substring(0, hex.length() - delta);
	}

	/** A B3 trace id must be 16 or 32 hex digits. */
	private String resizeB3TraceId(String traceId) {
		return hex(pick(List.of(1, 8, 15, 17, 24, 31, 33, 48)));
	}

	private String hex(int length) {
		StringBuilder hex = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			hex.append(HEX.charAt(this.random.nextInt(16)));
		}
		return hex.toString();
	}

	/** Random header-safe text: visible ASCII, space, tab and obs-text. */
	private String junk(int length) {
		StringBuilder junk = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(10);
			char c = (kind == 0) ? (char) (0x80 + this.random.nextInt(0x80))
					: (kind == 1) ? "\t -,;=".charAt(this.random.nextInt(6)) : (char) (0x21 + this.random.nextInt(0x5e));
			junk.append(c);
		}
		// HTTP strips surrounding whitespace; keep the value's edges visible
		return "x" + junk + "x";
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

}
