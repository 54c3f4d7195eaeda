package io.sightline.boot.tracing;

import java.util.ArrayList;
import java.util.List;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExemplarOnlySpanContextTests {

	@Test
	void readsTheSpanAndNeverMarksIt() {
		List<String> calls = new ArrayList<>();
		SpanContext agent = new SpanContext() {

			@Override
			public String getCurrentTraceId() {
				calls.add("traceId");
				return "4bf92f3577b34da6a3ce929d0e0e4736";
			}

			@Override
			public String getCurrentSpanId() {
				calls.add("spanId");
				return "00f067aa0ba902b7";
			}

			@Override
			public boolean isCurrentSpanSampled() {
				calls.add("sampled");
				return true;
			}

			@Override
			public void markCurrentSpanAsExemplar() {
				calls.add("mark");
			}

		};
		SpanContext exemplars = new ExemplarOnlySpanContext(agent);
		assertThat(exemplars.getCurrentTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(exemplars.getCurrentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(exemplars.isCurrentSpanSampled()).isTrue();
		exemplars.markCurrentSpanAsExemplar();
		assertThat(calls).containsExactly("traceId", "spanId", "sampled");
	}

}
