package io.sightline.demo.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input: hostile trace headers, log injection, URL cardinality, PII and actuator exposure,
 * against the running demo in agent mode. Every case counts the inputs tried and the failures; the
 * table is printed, and written to docs/reliability.md with {@code -Dsightline.reliability.write=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ReliabilityDemo.Extension.class)
@Order(Order.DEFAULT + 1)
class BadInputIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Marks this run's inputs, so that they are told apart from everything else in the outputs. */
	static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

	static final int FUZZ_CASES = Integer.getInteger("sightline.fuzz.cases", 10_000);

	static final int CARDINALITY_REQUESTS = Integer.getInteger("sightline.cardinality.requests", 100_000);

	/** Requests of the same mix before the measurement starts. */
	static final int CARDINALITY_WARMUP = 3_000;

	/**
	 * New series of request-driven metrics allowed during the distinct-URL run. Others appear on their
	 * own schedule (the Kafka clients' per-topic metrics, bound once a minute; a GC cause seen for the
	 * first time) and are reported, not counted.
	 */
	static final int MAX_NEW_SERIES = 30;

	static final Pattern REQUEST_FAMILIES = Pattern.compile("(http_|sightline_|tomcat_|resilience4j_|spring_).*");

	/** The starter's default {@code sightline.logging.max-message-length}. */
	static final int MAX_MESSAGE = 8192;

	private ReliabilityDemo shared;

	/** One row per case: inputs tried, failures, what was measured. */
	private final Map<String, String[]> table = new LinkedHashMap<>();

	@BeforeAll
	void setUp(ReliabilityDemo demo) {
		this.shared = demo;
	}

	@AfterAll
	void report() throws Exception {
		if (this.table.isEmpty()) {
			return;
		}
		StringBuilder markdown = new StringBuilder(ReliabilityReport.provenance(ReliabilityReport.COMMAND));
		markdown.append("\n| case | inputs tried | failures | measured |\n|---|---:|---:|---|\n");
		this.table.forEach((name, row) -> markdown.append("| ").append(name).append(" | ").append(row[0]).append(" | ")
			.append(row[1]).append(" | ").append(row[2]).append(" |\n"));
		ReliabilityReport.print("Bad input", markdown.toString());
		if (this.table.size() == 5) {
			ReliabilityReport.write("bad-input", markdown.toString());
		}
	}

	private void row(String name, long tried, long failures, String measured) {
		this.table.put(name, new String[] { String.format("%,d", tried), String.format("%,d", failures), measured });
	}

	/**
	 * 1. Fuzzed traceparent, tracestate, b3, X-B3-* and baggage: no 5xx, no exception in any service's
	 * log, and the trace id the gateway logs is a fresh valid one (a valid traceparent next to a broken
	 * tracestate or baggage is continued, as W3C requires). A sample also goes through the gateway's
	 * outbound call, where the headers are propagated.
	 */
	@Test
	@Order(1)
	void fuzzedTraceHeadersStartAFreshTraceWithoutErrors() throws Exception {
		long seed = Long.getLong("sightline.fuzz.seed", System.nanoTime());
		TraceHeaderFuzzer fuzzer = new TraceHeaderFuzzer(seed);
		List<TraceHeaderFuzzer.Case> cases = new ArrayList<>(FUZZ_CASES);
		for (int i = 0; i < FUZZ_CASES; i++) {
			cases.add(fuzzer.next(i));
		}
		Map<DemoService, Long> offsets = logOffsets();
		String gateway = this.shared.gateway();
		Blaster blaster = new Blaster(16);
		Blaster.Result logged = blaster.send(cases.size(), (i) -> withHeaders(HttpRequest
			.newBuilder(URI.create(gateway + "/api/diagnostics/log"))
			.POST(HttpRequest.BodyPublishers.ofString("fuzz-" + RUN + "-" + i))
			.header("Content-Type", "text/plain; charset=UTF-8"), cases.get(i)).build());
		// every fifth case again through a call that goes downstream (gateway -> inventory)
		int outbound = cases.size() / 5;
		Blaster.Result downstream = blaster.send(outbound, (i) -> withHeaders(HttpRequest
			.newBuilder(URI.create(gateway + "/api/catalog")).GET(), cases.get(i * 5)).build());

		// the gateway's log line of each case: its trace id
		Map<Integer, String> traceIds = new HashMap<>();
		Map<Integer, Integer> linesPerCase = new HashMap<>();
		Pattern marker = Pattern.compile("client note: fuzz-" + RUN + "-(\\d+)\"");
		pollUntil(Duration.ofSeconds(30), () -> {
			traceIds.clear();
			linesPerCase.clear();
			for (String line : lines(this.shared.logBytesFrom(DemoService.GATEWAY, offsets.get(DemoService.GATEWAY)))) {
				Matcher matcher = marker.matcher(line);
				if (matcher.find()) {
					int index = Integer.parseInt(matcher.group(1));
					linesPerCase.merge(index, 1, Integer::sum);
					traceIds.put(index, JSON.readTree(line).path("trace.id").asString(""));
				}
			}
			return traceIds.size() >= cases.size();
		});

		Map<String, int[]> perFamily = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		Set<String> freshIds = new HashSet<>();
		long fresh = 0;
		for (TraceHeaderFuzzer.Case fuzz : cases) {
			int[] counts = perFamily.computeIfAbsent(fuzz.family(), (k) -> new int[2]);
			counts[0]++;
			String problem = null;
			int status = logged.statuses()[fuzz.index()];
			String traceId = traceIds.get(fuzz.index());
			if (status != 202) {
				problem = "status " + status;
			}
			else if (traceId == null || linesPerCase.get(fuzz.index()) != 1) {
				problem = "expected one log line, found " + linesPerCase.getOrDefault(fuzz.index(), 0);
			}
			else if (!traceId.matches("[0-9a-f]{32}") || traceId.equals("0".repeat(32))) {
				problem = "invalid trace.id '" + traceId + "'";
			}
			else if (fuzz.expect() == TraceHeaderFuzzer.Expect.FRESH && traceId.equals(fuzz.sentTraceId())) {
				problem = "continued the malformed trace " + traceId;
			}
			else if (fuzz.expect() == TraceHeaderFuzzer.Expect.CONTINUE && !traceId.equals(fuzz.sentTraceId())) {
				problem = "dropped the valid traceparent " + fuzz.sentTraceId() + " (logged " + traceId + ")";
			}
			if (fuzz.expect() == TraceHeaderFuzzer.Expect.FRESH && traceId != null) {
				fresh++;
				freshIds.add(traceId);
			}
			if (problem != null) {
				counts[1]++;
				if (failures.size() < 20) {
					failures.add(fuzz.family() + " #" + fuzz.index() + " " + fuzz.headers() + ": " + problem);
				}
			}
		}
		long downstream5xx = downstream.count((s) -> s >= 500 || s < 0);
		List<String> logProblems = problemLines(offsets);
		long failed = perFamily.values().stream().mapToLong((c) -> c[1]).sum() + downstream5xx + logProblems.size()
				+ (fresh - freshIds.size());
		System.out.printf("Trace header fuzz (seed %d): %d cases in %.1f s (%.0f/s), statuses %s; downstream sample %d "
				+ "(statuses %s); per family [tried, failed] %s; fresh trace ids %d, distinct %d; log problems %d%n",
				seed, cases.size(), logged.took().toMillis() / 1000.0, logged.perSecond(), logged.byStatus(), outbound,
				downstream.byStatus(), perFamilyText(perFamily), fresh, freshIds.size(), logProblems.size());
		failures.forEach((f) -> System.out.println("  FAIL " + f));
		logProblems.stream().limit(10).forEach((p) -> System.out.println("  LOG " + p));
		row("1. trace headers (traceparent, tracestate, b3, X-B3-*, baggage)", cases.size() + outbound, failed,
				String.format("%s; statuses %s + downstream %s; fresh trace ids %,d (all distinct: %s); exceptions in "
						+ "logs %d; seed %d", perFamilyText(perFamily), logged.byStatus(), downstream.byStatus(), fresh,
						fresh == freshIds.size(), logProblems.size(), seed));
		assertThat(failures).as("fuzz cases that failed").isEmpty();
		assertThat(downstream5xx).as("5xx or failed calls through the downstream call").isZero();
		assertThat(logProblems).as("exceptions or errors logged while fuzzing").isEmpty();
		assertThat(freshIds).as("fresh trace ids are all distinct").hasSize((int) fresh);
	}

	interface Check {

		boolean done() throws Exception;

	}

	/** Polls until done or the time is up, without failing: the caller counts what is missing. */
	static void pollUntil(Duration timeout, Check check) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.done() && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, TraceHeaderFuzzer.Case fuzz) {
		fuzz.headers().forEach(builder::header);
		return builder.timeout(Duration.ofSeconds(30));
	}

	private static String perFamilyText(Map<String, int[]> perFamily) {
		StringBuilder text = new StringBuilder();
		perFamily.forEach((family, counts) -> text.append((text.length() > 0) ? ", " : "").append(family).append(' ')
			.append(counts[0]).append('/').append(counts[1]));
		return text.toString();
	}

	/**
	 * 2. Log injection: CR/LF, ANSI escapes, JSON breakers, control characters, invalid UTF-8 and 1 MB
	 * strings, as a log argument and as the whole message. Each event is exactly one well-formed JSON
	 * line (valid UTF-8, no raw control character), in the log file and on the TCP shipping path, and
	 * messages longer than the configured maximum are truncated with a marker that says how much.
	 */
	@Test
	@Order(2)
	void injectedLogInputIsOneWellFormedJsonLinePerEvent() throws Exception {
		Map<String, byte[]> payloads = new LinkedHashMap<>();
		payloads.put("crlf", utf8(" before\r\n{\"log.level\":\"ERROR\",\"message\":\"forged MARK\"}\r\nafter"));
		payloads.put("lf", utf8("\n{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"message\":\"forged MARK\"}\n"));
		payloads.put("cr", utf8("\rforged MARK\r"));
		payloads.put("ansi", utf8("\u001b[31mred\u001b[0m \u001b]0;owned MARK\u0007\u001b[2J\u001b[1A"));
		payloads.put("json-breakers", utf8("\"}, {\"log.level\":\"ERROR\",\"x\":\"MARK\"} \\\" \\u0000 \"}]} ' `"));
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
		}
		controls.append('\u007f').append('\u2028').append('\u2029').append('\ufeff').append("MARK");
		payloads.put("controls", utf8(controls.toString()));
		payloads.put("invalid-utf8", concat(utf8(" "), new byte[] { (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1,
				(byte) 0xe2, 0x28, (byte) 0xa1, (byte) 0xf0, 0x28, (byte) 0x8c, (byte) 0xbc, (byte) 0xf8, (byte) 0xa1,
				(byte) 0xc0, (byte) 0xaf, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xff, (byte) 0xfe, 0x0a }, utf8(" MARK")));
		payloads.put("placeholders", utf8(" {} {} %s %n ${jndi:ldap://127.0.0.1/a} ${env:HOME} MARK"));
		payloads.put("1mb", utf8("x".repeat(1 << 20)));
		payloads.put("1mb-crlf", utf8("line\r\n".repeat((1 << 20) / 6) + "{\"forged\":\"MARK\"}"));
		payloads.put("1mb-emoji", utf8("\ud83d\ude00".repeat(1 << 19)));

		String gateway = this.shared.gateway();
		long fileOffset = this.shared.logSize(DemoService.GATEWAY);
		int tcpOffset = this.shared.logstash.lines().size();
		Map<String, String> markers = new LinkedHashMap<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (String mode : List.of("argument", "message")) {
			for (Map.Entry<String, byte[]> payload : payloads.entrySet()) {
				// bracketed: no marker is a prefix of another
				String marker = "[inj-" + RUN + "-" + mode + "-" + payload.getKey() + "]";
				byte[] body = concat(utf8(marker), replace(payload.getValue(), "MARK", marker));
				HttpResponse<String> response = this.shared.http.send(HttpRequest
					.newBuilder(URI.create(gateway + "/api/diagnostics/log?as=" + mode))
					.header("Content-Type", "text/plain; charset=UTF-8")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				markers.put(mode + " " + payload.getKey(), marker);
				statuses.put(marker, response.statusCode());
			}
		}
		pollUntil(Duration.ofSeconds(20), () -> {
			List<String> shipped = this.shared.logstash.lines();
			return markers.values().stream().allMatch((m) -> shipped.stream().anyMatch((l) -> l.contains(m)));
		});
		List<byte[]> fileLines = byteLines(this.shared.logBytesFrom(DemoService.GATEWAY, fileOffset));
		List<String> tcpLines = this.shared.logstash.lines();
		tcpLines = tcpLines.subList(Math.min(tcpOffset, tcpLines.size()), tcpLines.size());

		List<String> failures = new ArrayList<>();
		StringBuilder measured = new StringBuilder();
		for (Map.Entry<String, String> entry : markers.entrySet()) {
			String marker = entry.getValue();
			byte[] needle = utf8(marker);
			List<byte[]> matching = fileLines.stream().filter((line) -> indexOf(line, needle) >= 0).toList();
			List<String> shipped = tcpLines.stream().filter((line) -> line.contains(marker)).toList();
			String problem = null;
			if (statuses.get(marker) != 202) {
				problem = "status " + statuses.get(marker);
			}
			else if (matching.size() != 1) {
				problem = matching.size() + " log file lines carry the marker";
			}
			else if (shipped.size() != 1) {
				problem = shipped.size() + " shipped lines carry the marker";
			}
			else {
				problem = checkLine(matching.get(0), marker);
				if (problem == null) {
					problem = checkLine(utf8(shipped.get(0)), marker);
				}
			}
			if (problem != null) {
				failures.add(entry.getKey() + ": " + problem);
			}
			if (entry.getKey().startsWith("argument 1mb") && matching.size() == 1) {
				String message = JSON.readTree(new String(matching.get(0), StandardCharsets.UTF_8)).path("message").asString("");
				String end = message.substring(Math.max(0, message.length() - 30)).replace("\r", "\\r").replace("\n", "\\n");
				measured.append(String.format("%s → %,d-byte line, message %,d chars ending \"%s\"; ", entry.getKey(),
						matching.get(0).length, message.length(), end));
			}
		}
		// exact truncation: 1 MB of 'x' as an argument keeps the first 8192 chars and says how many were cut
		String plain = JSON.readTree(new String(fileLines.stream()
			.filter((line) -> indexOf(line, utf8(markers.get("argument 1mb"))) >= 0)
			.findFirst()
			.orElseThrow(), StandardCharsets.UTF_8)).path("message").asString("");
		int original = ("client note: " + markers.get("argument 1mb")).length() + (1 << 20);
		String expectedEnd = "…[truncated " + (original - MAX_MESSAGE) + " chars]";
		if (plain.length() != MAX_MESSAGE + expectedEnd.length() || !plain.endsWith(expectedEnd)) {
			failures.add("argument 1mb: expected " + MAX_MESSAGE + " chars + \"" + expectedEnd + "\", got " + plain.length()
					+ " chars ending \"" + plain.substring(Math.max(0, plain.length() - 40)) + "\"");
		}
		System.out.printf("Log injection: %d inputs, %d failures; %s%n", markers.size(), failures.size(), measured);
		failures.forEach((f) -> System.out.println("  FAIL " + f));
		row("2. log injection (CR/LF, ANSI, JSON breakers, controls, invalid UTF-8, 1 MB)", markers.size(),
				failures.size(), "one JSON line per event in the file and on TCP; " + measured.toString().trim());
		assertThat(failures).isEmpty();
	}

	/** Why a log line is not exactly one well-formed JSON event carrying the marker, or null. */
	private static String checkLine(byte[] line, String marker) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(line));
		}
		catch (CharacterCodingException ex) {
			return "not valid UTF-8";
		}
		for (byte b : line) {
			if (b >= 0 && b < 0x20) {
				return "raw control character 0x" + Integer.toHexString(b);
			}
		}
		if (line.length > 64 * 1024) {
			return "line of " + line.length + " bytes";
		}
		JsonNode json;
		try {
			json = JSON.readTree(new String(line, StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			return "not JSON: " + ex.getMessage();
		}
		if (!json.isObject() || !json.path("message").asString("").contains(marker)
				|| !json.path("log.level").asString("").equals("INFO")) {
			return "not the INFO event with the marker in message: " + new String(line, 0, Math.min(line.length, 300),
					StandardCharsets.UTF_8);
		}
		String message = json.path("message").asString("");
		if (message.length() > MAX_MESSAGE + 40) {
			return "message of " + message.length() + " chars, over the configured " + MAX_MESSAGE;
		}
		return null;
	}

	/**
	 * 3. Cardinality: 100,000 requests to distinct URLs (404s with random path segments and query
	 * strings, random query strings on a real endpoint, distinct outbound URLs through the gateway),
	 * after 3,000 of the same mix as a warm-up. No random token reaches a metric label, at most 30 new
	 * series of request-driven metrics appear, the heap retained after a full GC grows by at most 10 %,
	 * and the services log at most one line per hundred requests.
	 */
	@Test
	@Order(3)
	void distinctUrlsDoNotGrowTheSeriesOrTheHeap() throws Exception {
		List<DemoService> watched = List.of(DemoService.GATEWAY, DemoService.ORDER, DemoService.INVENTORY);
		String token = "zq" + RUN;
		String gateway = this.shared.gateway();
		java.util.function.IntFunction<HttpRequest> distinct = (i) -> {
			String random = token + "x" + Integer.toString(i, 36) + "y" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
			String path = switch (i % 10) {
				case 0, 1, 2, 3, 4, 5 -> "/" + random + "/" + i + "/" + random.substring(0, 6) + "?" + random + "=" + i;
				case 6, 7 -> "/api/orders/" + random;
				case 8 -> "/api/catalog?" + random + "=" + i + "&q=" + random;
				default -> "/api/" + random;
			};
			return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30)).GET().build();
		};
		// the same mix first, so that one-time initialization (the 404 path, JIT, the agent's type caches)
		// is not counted as growth
		Blaster blaster = new Blaster(24);
		Map<DemoService, Integer> seriesStart = new EnumMap<>(DemoService.class);
		for (DemoService service : watched) {
			seriesStart.put(service, this.shared.scrape(service).series());
		}
		Blaster.Result warmup = blaster.send(CARDINALITY_WARMUP, (i) -> distinct.apply(CARDINALITY_REQUESTS + i));
		this.shared.awaitSpanExportIdle();
		Map<DemoService, Scrape> seriesBefore = new EnumMap<>(DemoService.class);
		Map<DemoService, Long> heapBefore = new EnumMap<>(DemoService.class);
		Map<DemoService, String> histogramBefore = new EnumMap<>(DemoService.class);
		for (DemoService service : watched) {
			heapBefore.put(service, this.shared.heapAfterGc(service));
			histogramBefore.put(service, this.shared.lastHistogram(service));
			seriesBefore.put(service, this.shared.scrape(service));
		}
		Map<DemoService, Long> offsets = logOffsets();
		Blaster.Result result = blaster.send(CARDINALITY_REQUESTS, distinct);
		this.shared.awaitSpanExportIdle();
		long logLines = 0;
		for (DemoService service : DemoService.values()) {
			logLines += lines(this.shared.logBytesFrom(service, offsets.get(service))).size();
		}
		Map<DemoService, Integer> seriesAfter = new EnumMap<>(DemoService.class);
		Map<DemoService, Long> heapAfter = new EnumMap<>(DemoService.class);
		List<String> failures = new ArrayList<>();
		StringBuilder measured = new StringBuilder();
		for (DemoService service : watched) {
			Scrape scrape = this.shared.scrape(service);
			seriesAfter.put(service, scrape.series());
			heapAfter.put(service, this.shared.heapAfterGc(service));
			if (scrape.text().contains(token)) {
				failures.add(service.serviceName() + ": a random URL token reached /actuator/prometheus");
			}
			Map<String, Integer> newFamilies = newSeries(seriesBefore.get(service), scrape);
			int requestDriven = newFamilies.entrySet().stream()
				.filter((family) -> REQUEST_FAMILIES.matcher(family.getKey()).matches())
				.mapToInt(Map.Entry::getValue)
				.sum();
			if (requestDriven > MAX_NEW_SERIES) {
				failures.add(service.serviceName() + ": " + requestDriven + " new request series " + newFamilies);
			}
			if (!newFamilies.isEmpty()) {
				System.out.printf("  %s: new series by metric (request-driven ones count): %s%n", service.serviceName(),
						newFamilies);
			}
			double heapGrowth = (heapAfter.get(service) - heapBefore.get(service)) / (double) heapBefore.get(service);
			if (heapGrowth > 0.10) {
				failures.add(String.format("%s: retained heap grew %.1f %%; most grown classes: %s", service.serviceName(),
						100 * heapGrowth, grownClasses(histogramBefore.get(service), this.shared.lastHistogram(service))));
			}
			measured.append(String.format("%s series %,d (%,d before the warm-up) → %,d (request-driven new: %d), "
					+ "retained heap after GC %.1f → %.1f MB; ", service.serviceName(), seriesBefore.get(service).series(),
					seriesStart.get(service), seriesAfter.get(service), requestDriven, heapBefore.get(service) / 1048576.0,
					heapAfter.get(service) / 1048576.0));
		}
		// a line per request would let any client flood the logs (and the log pipeline)
		if (logLines > CARDINALITY_REQUESTS / 100) {
			failures.add(logLines + " log lines for " + CARDINALITY_REQUESTS + " requests");
		}
		measured.append(String.format("%,d log lines; ", logLines));
		long server5xx = result.count((s) -> s >= 500 || s < 0) + warmup.count((s) -> s >= 500 || s < 0);
		if (server5xx > 0) {
			failures.add(server5xx + " requests answered 5xx or failed: " + result.failures());
		}
		System.out.printf("Cardinality: %,d requests in %.1f s (%.0f/s), statuses %s; %s%n", CARDINALITY_REQUESTS,
				result.took().toMillis() / 1000.0, result.perSecond(), result.byStatus(), measured);
		failures.forEach((f) -> System.out.println("  FAIL " + f));
		row("3. cardinality (distinct URLs, query strings, outbound URLs)", CARDINALITY_REQUESTS, failures.size(),
				String.format("statuses %s in %.0f s; %s", result.byStatus(), result.took().toMillis() / 1000.0,
						measured.toString().trim()));
		assertThat(failures).isEmpty();
	}

	/** The ten classes whose live bytes grew most between two class histograms. */
	static String grownClasses(String before, String after) {
		Map<String, Long> was = histogram(before);
		Map<String, Long> growth = new HashMap<>();
		histogram(after).forEach((name, bytes) -> growth.put(name, bytes - was.getOrDefault(name, 0L)));
		// on Java 17 the unused ends of allocation buffers are listed as int[]
		growth.remove("[I");
		return growth.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(10)
			.map((e) -> e.getKey() + " +" + e.getValue() / 1024 + " KB")
			.toList()
			.toString();
	}

	private static Map<String, Long> histogram(String text) {
		Map<String, Long> bytes = new HashMap<>();
		Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(text);
		while (line.find()) {
			bytes.merge(line.group(2), Long.parseLong(line.group(1)), Long::sum);
		}
		return bytes;
	}

	/** Series in {@code after} that were not in {@code before}, counted by metric name. */
	static Map<String, Integer> newSeries(Scrape before, Scrape after) {
		Set<String> known = new HashSet<>();
		before.samples().forEach((sample) -> known.add(sample.name() + sample.labels()));
		Map<String, Integer> families = new TreeMap<>();
		for (Scrape.Sample sample : after.samples()) {
			if (!known.contains(sample.name() + sample.labels())) {
				families.merge(sample.name(), 1, Integer::sum);
			}
		}
		return families;
	}

	/**
	 * 4. PII: Luhn-valid card numbers, a JWT, a bearer token, a password pair and an email (redacted by a
	 * configured pattern) through headers (captured by the agent), query strings and paths, bodies the app
	 * logs, SQL parameters (captured by the agent) and exception messages. None of them is in any output:
	 * the service log files, the lines shipped over TCP, Zipkin's stored spans, /actuator/prometheus, and
	 * the points pushed to VictoriaMetrics.
	 */
	@Test
	@Order(4)
	void piiIsInNoOutput() throws Exception {
		Instant start = Instant.now();
		String marker = "pii-" + RUN;
		String opaque = "tok" + RUN + "Zx81QmVw7PdfA2";
		String password = "Pw-" + RUN + "-s3cret";
		String email = "jane." + RUN + "@example.com";
		String jwt = jwt(marker);
		List<String> cards = List.of("4111111111111111", "5500 0000 0000 0004", "3782-822463-10005");
		String gateway = this.shared.gateway();
		String everything = marker + " card " + cards.get(0) + " mc " + cards.get(1) + " amex " + cards.get(2) + " jwt "
				+ jwt + " Authorization: Bearer " + opaque + " password=" + password + " email " + email;
		List<HttpRequest> requests = new ArrayList<>();
		// headers: the agent captures authorization, x-customer-email and x-card on server spans
		for (String as : List.of("argument", "message", "exception")) {
			requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/diagnostics/log?as=" + as))
				.header("Authorization", "Bearer " + ((as.equals("message")) ? jwt : opaque))
				.header("X-Customer-Email", email)
				.header("X-Card", cards.get(0))
				.header("Content-Type", "text/plain; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(everything))
				.build());
		}
		// query strings and paths (outbound URLs too: gateway -> order-service /orders/{id})
		requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/catalog?card=" + cards.get(0) + "&password=" + password
				+ "&email=" + email + "&token=" + jwt + "&" + marker + "=q")).header("Authorization", "Bearer " + jwt).build());
		// the same, URL-encoded as browsers and forms send them
		requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/catalog?mc=" + URLEncoder.encode(cards.get(1),
				StandardCharsets.UTF_8) + "&amex=" + cards.get(2).replace("-", "%2D") + "&visa=4111%201111%201111%201111&mail="
				+ URLEncoder.encode(email, StandardCharsets.UTF_8) + "&q=" + URLEncoder.encode("password=" + password,
						StandardCharsets.UTF_8))).build());
		requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/orders/" + cards.get(0))).build());
		requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/orders/" + URLEncoder.encode(email, StandardCharsets.UTF_8))).build());
		requests.add(HttpRequest.newBuilder(URI.create(gateway + "/nope/" + cards.get(0) + "?password=" + password)).build());
		List<String> statuses = new ArrayList<>();
		for (HttpRequest request : requests) {
			HttpResponse<String> response = this.shared.http.send(request, HttpResponse.BodyHandlers.ofString());
			statuses.add(request.method() + " " + request.uri().getRawPath() + " " + response.statusCode());
		}
		// SQL parameters: the customer id is an insert parameter (and logged by gateway and order-service)
		String sku = JSON.readTree(this.shared.get(gateway + "/api/catalog").body()).get(0).path("sku").asString();
		List<String> orderIds = new ArrayList<>();
		for (String customer : List.of(email, cards.get(2), "password=" + password)) {
			HttpResponse<String> placed = this.shared.http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/orders"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku
						+ "\",\"quantity\":1}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
			orderIds.add(JSON.readTree(placed.body()).path("id").asString());
		}

		// wait for every output to have received this traffic
		Set<String> traceIds = new HashSet<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			traceIds.clear();
			for (String line : lines(this.shared.logBytesFrom(DemoService.GATEWAY, 0))) {
				if (line.contains(marker) || orderIds.stream().anyMatch(line::contains)) {
					String id = JSON.readTree(line).path("trace.id").asString("");
					if (!id.isEmpty()) {
						traceIds.add(id);
					}
				}
			}
			assertThat(traceIds).hasSizeGreaterThanOrEqualTo(5);
			assertThat(this.shared.logstash.lines().stream().filter((l) -> l.contains(marker))).isNotEmpty();
		});
		Map<String, String> traces = new LinkedHashMap<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String id : traceIds) {
				if (!traces.containsKey(id)) {
					String trace = this.shared.demo.zipkin().trace(id);
					if (trace != null) {
						traces.put(id, trace);
					}
				}
			}
			assertThat(traces.keySet()).containsAll(traceIds);
		});
		// a push step for the Influx registry, then everything VictoriaMetrics got since the start
		Thread.sleep(ReliabilityDemo.STEP.toMillis() * 2 + 1000);

		Map<String, byte[]> outputs = new LinkedHashMap<>();
		for (DemoService service : DemoService.values()) {
			outputs.put("log file " + service.serviceName(), this.shared.logBytesFrom(service, 0));
			outputs.put("/actuator/prometheus " + service.serviceName(), utf8(this.shared.scrape(service).text()));
			long lookback = Duration.between(start, Instant.now()).plusSeconds(60).toMillis();
			outputs.put("Zipkin traces of " + service.serviceName(), utf8(this.shared.get(this.shared.demo.zipkin().baseUrl()
					+ "/api/v2/traces?limit=1000&lookback=" + lookback + "&serviceName=" + service.serviceName()).body()));
		}
		outputs.put("Zipkin traces of the PII requests", utf8(String.join("\n", traces.values())));
		outputs.put("shipped over TCP", this.shared.logstash.rawBytes());
		outputs.put("VictoriaMetrics (Influx push + events)", utf8(this.shared.victoria.export("{__name__=~\".+\"}",
				start.getEpochSecond() - 60)));

		List<String> secrets = new ArrayList<>(List.of(opaque, password, email, jwt, jwt.substring(jwt.lastIndexOf('.') + 1)));
		secrets.addAll(cards);
		List<String> needles = new ArrayList<>(secrets);
		for (String card : cards) {
			needles.add(card.replaceAll("[^0-9]", ""));
		}
		needles.addAll(List.of("4111%201111%201111%201111", "3782%2D822463%2D10005"));
		for (String needle : List.copyOf(needles)) {
			String encoded = URLEncoder.encode(needle, StandardCharsets.UTF_8);
			if (!encoded.equals(needle)) {
				needles.add(encoded);
			}
		}
		Map<String, Integer> found = new LinkedHashMap<>();
		long searched = 0;
		for (Map.Entry<String, byte[]> output : outputs.entrySet()) {
			searched += output.getValue().length;
			String haystack = new String(output.getValue(), StandardCharsets.ISO_8859_1);
			for (String needle : needles) {
				int count = count(haystack, new String(utf8(needle), StandardCharsets.ISO_8859_1));
				if (count > 0) {
					found.merge(output.getKey() + " contains " + needle, count, Integer::sum);
				}
			}
		}
		// not vacuous: the traffic is in the outputs, redacted
		String allTraces = String.join("\n", traces.values());
		List<String> vacuous = new ArrayList<>();
		if (!new String(outputs.get("log file gateway"), StandardCharsets.UTF_8).contains(marker)) {
			vacuous.add("the gateway's log file has no line of the PII requests");
		}
		if (!allTraces.contains("http.request.header.authorization") || !allTraces.contains("[REDACTED]")) {
			vacuous.add("no captured (and redacted) authorization header in Zipkin");
		}
		if (!allTraces.contains("url.query")) {
			vacuous.add("no url.query in Zipkin");
		}
		if (!allTraces.contains("exception")) {
			vacuous.add("no exception event in Zipkin");
		}
		if (outputs.get("VictoriaMetrics (Influx push + events)").length < 1000) {
			vacuous.add("VictoriaMetrics received almost nothing");
		}
		boolean sqlParameters = allTraces.contains("db.query.parameter");
		System.out.printf("PII: %d requests (statuses %s) + %d orders; %d needles searched in %d outputs (%,d bytes); "
				+ "found %s; JDBC parameters captured on spans: %s; %s%n", requests.size(), statuses, orderIds.size(),
				needles.size(), outputs.size(), searched, found, sqlParameters, vacuous);
		row("4. PII (cards, JWT, bearer, password=, email) via headers, query, path, logged body, SQL, exception",
				requests.size() + orderIds.size(), found.values().stream().mapToInt(Integer::intValue).sum(),
				String.format("%d secrets (%d spellings) searched in %d outputs, %,d bytes: log files, TCP lines, Zipkin, "
						+ "/actuator/prometheus, VictoriaMetrics; occurrences %s; SQL parameters on spans: %s",
						secrets.size(), needles.size(), outputs.size(), searched, found.isEmpty() ? "0" : found,
						sqlParameters ? "captured, redacted" : "not captured"));
		assertThat(found).as("secrets found in outputs").isEmpty();
		assertThat(vacuous).as("the search would prove nothing").isEmpty();
	}

	/** A syntactically valid JWT (HS256 header, a payload naming the run, a random signature). */
	private static String jwt(String subject) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		byte[] signature = new byte[32];
		ThreadLocalRandom.current().nextBytes(signature);
		return base64.encodeToString(utf8("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "."
				+ base64.encodeToString(utf8("{\"sub\":\"" + subject + "\",\"name\":\"Jane Doe\"}")) + "."
				+ base64.encodeToString(signature);
	}

	/**
	 * 5. Actuator exposure: on the public (application) port of every service, no actuator endpoint
	 * answers, nor do the fault-injection controls; on the management port only health, info and
	 * prometheus (plus the demo's faults controller, which lives there by design).
	 */
	@Test
	@Order(5)
	void onlyHealthInfoAndPrometheusAreExposedAndNothingOnThePublicPort() throws Exception {
		List<String> sensitive = List.of("env", "heapdump", "threaddump", "loggers", "configprops", "beans", "mappings",
				"metrics", "conditions", "scheduledtasks", "caches", "shutdown", "startup", "sbom", "quartz", "sessions");
		List<String> failures = new ArrayList<>();
		int tried = 0;
		for (DemoService service : DemoService.values()) {
			String app = this.shared.demo.url(service);
			String management = this.shared.demo.managementUrl(service);
			List<String> publicPaths = new ArrayList<>(List.of("/actuator", "/actuator/health", "/actuator/info",
					"/actuator/prometheus", "/actuator/faults"));
			sensitive.forEach((endpoint) -> publicPaths.add("/actuator/" + endpoint));
			for (String path : publicPaths) {
				for (String method : List.of("GET", "POST")) {
					tried++;
					int status = status(method, app + path);
					if (status < 400) {
						failures.add(service.serviceName() + " public " + method + " " + path + " → " + status);
					}
				}
			}
			for (String endpoint : List.of("health", "info", "prometheus")) {
				tried++;
				int status = status("GET", management + "/actuator/" + endpoint);
				if (status != 200) {
					failures.add(service.serviceName() + " management GET " + endpoint + " → " + status + " (expected 200)");
				}
			}
			for (String endpoint : sensitive) {
				for (String method : List.of("GET", "POST")) {
					tried++;
					int status = status(method, management + "/actuator/" + endpoint);
					if (status < 400) {
						failures.add(service.serviceName() + " management " + method + " " + endpoint + " → " + status);
					}
				}
			}
			// the faults controller stayed untouched by the public POSTs above
			JsonNode faults = JSON.readTree(this.shared.get(management + "/actuator/faults").body());
			tried++;
			if (faults.path("errorRatePercent").asInt(-1) != 0 || faults.path("kafkaConsumersPaused").asBoolean(true)) {
				failures.add(service.serviceName() + " faults changed: " + faults);
			}
			JsonNode index = JSON.readTree(this.shared.get(management + "/actuator").body()).path("_links");
			Set<String> links = new HashSet<>();
			index.propertyNames().forEach(links::add);
			tried++;
			if (!Set.of("self", "health", "health-path", "info", "prometheus").containsAll(links)) {
				failures.add(service.serviceName() + " management /actuator lists " + links);
			}
		}
		System.out.printf("Actuator exposure: %d probes, %d failures%n", tried, failures.size());
		failures.forEach((f) -> System.out.println("  FAIL " + f));
		row("5. actuator exposure (public and management ports)", tried, failures.size(),
				"public port: every /actuator/** and /actuator/faults → 404; management port: only health, info, "
						+ "prometheus (+ the demo's faults controller)");
		assertThat(failures).isEmpty();
	}

	private int status(String method, String url) throws Exception {
		return this.shared.http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"errorRatePercent\":100}")
					: HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Where each service's log file ends now. */
	private Map<DemoService, Long> logOffsets() throws Exception {
		Map<DemoService, Long> offsets = new EnumMap<>(DemoService.class);
		for (DemoService service : DemoService.values()) {
			offsets.put(service, this.shared.logSize(service));
		}
		return offsets;
	}

	/**
	 * Lines logged since the offsets that carry an exception or an error: JSON events at ERROR or with
	 * error.* fields, and plain lines (the agent's own output) with an exception, WARN or ERROR.
	 */
	private List<String> problemLines(Map<DemoService, Long> offsets) throws Exception {
		List<String> problems = new ArrayList<>();
		for (DemoService service : DemoService.values()) {
			for (String line : lines(this.shared.logBytesFrom(service, offsets.get(service)))) {
				boolean problem;
				if (line.startsWith("{")) {
					JsonNode json = JSON.readTree(line);
					problem = json.path("log.level").asString("").equals("ERROR") || json.has("error.type")
							|| json.has("error.stack_trace");
				}
				else {
					problem = line.contains("Exception") || line.contains(" WARN ") || line.contains(" ERROR ")
							|| line.startsWith("\tat ");
				}
				if (problem) {
					problems.add(service.serviceName() + ": " + line.substring(0, Math.min(line.length(), 400)));
				}
			}
		}
		return problems;
	}

	static List<String> lines(byte[] bytes) {
		List<String> lines = new ArrayList<>();
		for (byte[] line : byteLines(bytes)) {
			lines.add(new String(line, StandardCharsets.UTF_8));
		}
		return lines;
	}

	static List<byte[]> byteLines(byte[] bytes) {
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				if (i > start) {
					lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
				}
				start = i + 1;
			}
		}
		return lines;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	static byte[] replace(byte[] bytes, String from, String to) {
		byte[] needle = utf8(from);
		int at = indexOf(bytes, needle);
		if (at < 0) {
			return bytes;
		}
		return concat(java.util.Arrays.copyOfRange(bytes, 0, at), utf8(to),
				replace(java.util.Arrays.copyOfRange(bytes, at + needle.length, bytes.length), from, to));
	}

	/** Byte search through Latin-1 strings, whose indexOf is fast and maps bytes one to one. */
	static int indexOf(byte[] haystack, byte[] needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
	}

	static int count(String haystack, String needle) {
		int count = 0;
		int at = haystack.indexOf(needle);
		while (at >= 0) {
			count++;
			at = haystack.indexOf(needle, at + needle.length());
		}
		return count;
	}

}
