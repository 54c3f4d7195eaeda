package io.sightline.benchmarks;

import java.util.concurrent.TimeUnit;

import io.sightline.redaction.RedactionPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The redaction policy alone: a clean typical message, a message with secrets, and span attributes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RedactionBenchmark {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	private final String clean = "Order o-918273 placed for customer c-5521 with 3 items, total 129.90 EUR at 2026-11-25T17:12:00Z";

	private final String dirty = "Payment for o-918273 with card 4111 1111 1111 1111 failed, password=hunter2 Bearer abc.def";

	private final String url = "https://api.example.com/v1/orders/o-918273?include=items&page=2";

	private final String userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

	@Benchmark
	public String cleanMessage() {
		return this.policy.redact(this.clean);
	}

	@Benchmark
	public String messageWithSecrets() {
		return this.policy.redact(this.dirty);
	}

	/** A server span's usual string attributes, redacted by key and by content. */
	@Benchmark
	public int spanAttributes() {
		int length = 0;
		length += this.policy.redactValue("url.full", this.url).length();
		length += this.policy.redactValue("user_agent.original", this.userAgent).length();
		length += this.policy.redactValue("http.route", "/v1/orders/{id}").length();
		length += this.policy.redactValue("http.request.method", "GET").length();
		length += this.policy.redactValue("server.address", "api.example.com").length();
		return length;
	}

}
