package io.sightline.boot.metrics.push;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.ipc.http.HttpSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class FailureCountingHttpSenderTests {

	private static final String WARNING = "Cannot push metrics to influx";

	/** Plays back scripted outcomes: a response, or an exception to throw. */
	private final Deque<Object> outcomes = new ArrayDeque<>();

	private final HttpSender scripted = (request) -> {
		Object next = this.outcomes.removeFirst();
		if (next instanceof Throwable) {
			throw (Throwable) next;
		}
		return (HttpSender.Response) next;
	};

	private final PushFailureTracker tracker = new PushFailureTracker("influx", "http://influx:8086");

	private final FailureCountingHttpSender sender = new FailureCountingHttpSender(this.scripted, this.tracker);

	@Test
	void countsThePointsOfUnreachableAndRejectedWritesAndPassesOutcomesThrough(CapturedOutput output) throws Throwable {
		this.outcomes.add(new ConnectException("Connection refused"));
		this.outcomes.add(new HttpSender.Response(400, "{\"error\":\"partial write\"}"));
		this.outcomes.add(new HttpSender.Response(204, ""));

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> write(3));
		assertThat(write(2).code()).isEqualTo(400);
		assertThat(this.tracker.isInOutage()).isTrue();
		assertThat(write(4).code()).isEqualTo(204);

		assertThat(this.tracker.isInOutage()).isFalse();
		assertThat(this.tracker.dropped()).isEqualTo(5);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.tracker.bindTo(registry);
		assertThat(registry.get(PushFailureTracker.DROPPED_METER).tag("reason", "unreachable").functionCounter().count())
			.isEqualTo(3);
		assertThat(registry.get(PushFailureTracker.DROPPED_METER).tag("reason", "rejected").tag("registry", "influx")
			.functionCounter().count()).isEqualTo(2);
		assertThat(output.getAll()).containsOnlyOnce(WARNING).contains("Connection refused")
			.contains("Pushing metrics to influx at http://influx:8086 again");
	}

	@Test
	void warnsOncePerOutage(CapturedOutput output) throws Throwable {
		for (int i = 0; i < 5; i++) {
			this.outcomes.add(new ConnectException("Connection refused"));
		}
		this.outcomes.add(new HttpSender.Response(204, ""));
		this.outcomes.add(new HttpSender.Response(503, "down"));
		for (int i = 0; i < 5; i++) {
			try {
				write(1);
			}
			catch (ConnectException expected) {
				// counted
			}
		}
		assertThat(output.getAll()).containsOnlyOnce(WARNING);
		write(1);
		write(1);
		assertThat(output.getAll().split(WARNING, -1)).as("one WARN per outage, two outages").hasSize(3);
		assertThat(output.getAll()).contains("HTTP 503 down");
	}

	@Test
	void onlyWriteBodiesCountAsPoints() throws Exception {
		byte[] body = "a,t=1 v=1 1\nb,t=2 v=2 2\nc v=3 3".getBytes(StandardCharsets.UTF_8);
		assertThat(FailureCountingHttpSender.points(new HttpSender.Request(
				new java.net.URL("http://h:8086/api/v2/write?org=o&bucket=b"), body, HttpSender.Method.POST,
				java.util.Map.of()))).isEqualTo(3);
		assertThat(FailureCountingHttpSender.points(new HttpSender.Request(
				new java.net.URL("http://h:8086/query?q=CREATE+DATABASE"), new byte[0], HttpSender.Method.POST,
				java.util.Map.of()))).isZero();
	}

	private HttpSender.Response write(int points) throws Throwable {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < points; i++) {
			lines.append((i > 0) ? "\n" : "").append("m,k=v value=").append(i).append(' ').append(i);
		}
		return this.sender.post("http://influx:8086/write?db=d").withPlainText(lines.toString()).send();
	}

}
