package io.sightline.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import brave.Span;
import brave.Span.Kind;
import brave.Tracer;
import brave.Tracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CapturedSpans} behind a real Brave tracer. */
class CapturedSpansTests {

	private final CapturedSpans spans = new CapturedSpans();

	private final Tracing tracing = Tracing.newBuilder()
		.localServiceName("unit")
		.traceId128Bit(true)
		.addSpanHandler(this.spans)
		.build();

	private final Tracer tracer = this.tracing.tracer();

	@AfterEach
	void close() {
		this.tracing.close();
	}

	@Test
	void keepsAtMostTenThousandSpansDroppingTheOldest() {
		for (int i = 0; i <= 10_000; i++) {
			this.tracer.newTrace().name("span-" + i).start().finish();
		}

		List<CapturedSpan> all = this.spans.all();
		assertThat(this.spans.capacity()).isEqualTo(CapturedSpans.DEFAULT_CAPACITY).isEqualTo(10_000);
		assertThat(all).hasSize(10_000);
		assertThat(this.spans.dropped()).isEqualTo(1);
		assertThat(all.get(0).name()).isEqualTo("span-1");
		assertThat(all.get(all.size() - 1).name()).isEqualTo("span-10000");
	}

	@Test
	void smallerCapacityDropsOldestFirst() {
		CapturedSpans small = new CapturedSpans(2);
		try (Tracing other = Tracing.newBuilder().addSpanHandler(small).build()) {
			for (int i = 0; i < 5; i++) {
				other.tracer().newTrace().name("s" + i).start().finish();
			}
		}
		assertThat(small.all()).extracting(CapturedSpan::name).containsExactly("s3", "s4");
		assertThat(small.dropped()).isEqualTo(3);
	}

	@Test
	void rejectsACapacityBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CapturedSpans(0)).withMessageContaining("capacity");
	}

	@Test
	void recordsIdsKindTagsAndServiceName() {
		Span server = this.tracer.newTrace().kind(Span.Kind.SERVER).name("get /orders/{id}").tag("http.method", "GET");
		server.start();
		Span child = this.tracer.newChild(server.context()).name("load order").start();
		child.finish();
		server.finish();
		this.tracer.newTrace().kind(Span.Kind.SERVER).name("other trace").start().finish();

		String traceId = server.context().traceIdString();
		assertThat(this.spans.forTrace(traceId)).extracting(CapturedSpan::name)
			.containsExactly("load order", "get /orders/{id}");
		assertThat(this.spans.serverSpans(traceId)).singleElement().satisfies((captured) -> {
			assertThat(captured.traceId()).isEqualTo(traceId).hasSize(32);
			assertThat(captured.spanId()).isEqualTo(server.context().spanIdString());
			assertThat(captured.parentId()).isNull();
			assertThat(captured.kind()).isEqualTo(Kind.SERVER);
			assertThat(captured.tags()).containsEntry("http.method", "GET");
			assertThat(captured.localServiceName()).isEqualTo("unit");
		});
		assertThat(this.spans.forTrace(traceId).get(0).parentId()).isEqualTo(server.context().spanIdString());
		assertThat(this.spans.all()).hasSize(3);
	}

	@Test
	void snapshotsAreImmutable() {
		this.tracer.newTrace().name("one").tag("k", "v").start().finish();

		List<CapturedSpan> all = this.spans.all();
		assertThatThrownBy(() -> all.add(all.get(0))).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> all.get(0).tags().put("k", "w")).isInstanceOf(UnsupportedOperationException.class);
		this.tracer.newTrace().name("two").start().finish();
		assertThat(all).hasSize(1);
	}

	@Test
	void awaitTraceWaitsUntilSpansStillRunningHaveFinished() throws Exception {
		Span root = this.tracer.newTrace().kind(Span.Kind.SERVER).name("request").start();
		this.tracer.newChild(root.context()).name("child").start().finish();
		String traceId = root.context().traceIdString();

		// The child is captured already, but the root is still running: the trace is not complete.
		CompletableFuture<Void> finisher = CompletableFuture.runAsync(root::finish,
				CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

		List<CapturedSpan> trace = this.spans.awaitTrace(traceId, Duration.ofSeconds(5));
		assertThat(trace).extracting(CapturedSpan::name).containsExactly("child", "request");
		finisher.get(5, TimeUnit.SECONDS);
	}

	@Test
	void awaitTraceFailsWithWhatWasCapturedWhenASpanNeverFinishes() {
		Span root = this.tracer.newTrace().name("request").start();
		this.tracer.newChild(root.context()).name("child").start().finish();
		String traceId = root.context().traceIdString();

		assertThatThrownBy(() -> this.spans.awaitTrace(traceId, Duration.ofMillis(100)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Trace " + traceId + " not complete")
			.hasMessageContaining("1 span(s) finished")
			.hasMessageContaining("child")
			.hasMessageContaining("1 still running");
		root.finish();
		assertThat(this.spans.awaitTrace(traceId, Duration.ofSeconds(1))).hasSize(2);
	}

	@Test
	void abandonedSpansAreNotCapturedAndNoLongerAwaited() {
		Span root = this.tracer.newTrace().name("request").start();
		this.tracer.newChild(root.context()).name("abandoned").start().abandon();
		root.finish();

		assertThat(this.spans.awaitTrace(root.context().traceIdString(), Duration.ofSeconds(1)))
			.extracting(CapturedSpan::name)
			.containsExactly("request");
	}

	@Test
	void clearForgetsSpansAndDrops() {
		CapturedSpans small = new CapturedSpans(1);
		try (Tracing other = Tracing.newBuilder().addSpanHandler(small).build()) {
			other.tracer().newTrace().name("a").start().finish();
			other.tracer().newTrace().name("b").start().finish();
			assertThat(small.dropped()).isEqualTo(1);

			small.clear();

			assertThat(small.all()).isEmpty();
			assertThat(small.dropped()).isZero();
			other.tracer().newTrace().name("c").start().finish();
			assertThat(small.all()).extracting(CapturedSpan::name).containsExactly("c");
		}
	}

	@Test
	void ordersItselfLast() {
		assertThat(this.spans.getOrder()).isEqualTo(Ordered.LOWEST_PRECEDENCE);
	}

}
