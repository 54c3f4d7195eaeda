package io.sightline.boot.servicegraph;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.baggage.Baggage;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceGraphFilterTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ServiceGraphMeters meters = new ServiceGraphMeters("orders", List.of(Duration.ofMillis(100)));

	private final ServiceGraphFilter filter = new ServiceGraphFilter(this.meters, new OpenTelemetryCallerBaggage(),
			"/actuator", 9090);

	ServiceGraphFilterTests() {
		this.meters.bindTo(this.registry);
	}

	@Test
	void recordsTheCallerFromTheBaggageHeaderAndActsAsThisServiceMeanwhile() throws Exception {
		MockHttpServletRequest request = request("/orders/1");
		request.addHeader("baggage", "a=1,sightline.caller=gateway");
		AtomicReference<String> callerDuringRequest = new AtomicReference<>();
		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> callerDuringRequest.set(Baggage.current().getEntryValue(Callers.BAGGAGE_KEY)));
		assertThat(callerDuringRequest).hasValue("orders");
		assertThat(Baggage.current().getEntryValue(Callers.BAGGAGE_KEY)).as("scope closed").isNull();
		assertThat(count("gateway", "false")).isEqualTo(1);
	}

	@Test
	void theContextsCallerWinsOverTheHeader() throws Exception {
		MockHttpServletRequest request = request("/orders/1");
		request.addHeader("baggage", "sightline.caller=from-header");
		try (var scope = Baggage.builder().put(Callers.BAGGAGE_KEY, "from-context").build().makeCurrent()) {
			this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		}
		assertThat(count("from-context", "false")).isEqualTo(1);
		assertThat(count("from-header", "false")).isZero();
	}

	@Test
	void serverErrorsAndExceptionsAreFailedEdges() throws Exception {
		MockHttpServletResponse error = new MockHttpServletResponse();
		this.filter.doFilter(request("/pay"), error,
				(req, res) -> ((HttpServletResponse) res).setStatus(503));
		MockHttpServletResponse clientError = new MockHttpServletResponse();
		this.filter.doFilter(request("/pay"), clientError,
				(req, res) -> ((HttpServletResponse) res).setStatus(404));
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.filter.doFilter(request("/pay"),
				new MockHttpServletResponse(), (req, res) -> {
					throw new ServletException("boom");
				}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.filter.doFilter(request("/pay"),
				new MockHttpServletResponse(), (req, res) -> {
					throw new IllegalStateException("boom");
				}));
		assertThat(count("unknown", "true")).isEqualTo(3);
		assertThat(count("unknown", "false")).isEqualTo(1);
	}

	@Test
	void asyncRequestsAreRecordedWhenTheyComplete() throws Exception {
		MockHttpServletRequest request = request("/slow");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> req.startAsync());
		assertThat(count("unknown", "false") + count("unknown", "true")).as("not yet complete").isZero();
		response.setStatus(500);
		((MockAsyncContext) request.getAsyncContext()).complete();
		assertThat(count("unknown", "true")).isEqualTo(1);
	}

	@Test
	void aContextBoundCallerStaysSetUntilAnAsyncRequestCompletes() throws Exception {
		AtomicReference<String> caller = new AtomicReference<>();
		CallerBaggage contextBound = new CallerBaggage() {

			@Override
			public String current() {
				return caller.get();
			}

			@Override
			public Scope actAs(String name) {
				String previous = caller.getAndSet(name);
				return new Scope() {

					@Override
					public void close() {
						caller.set(previous);
					}

					@Override
					public boolean threadBound() {
						return false;
					}

				};
			}

		};
		ServiceGraphFilter asyncFilter = new ServiceGraphFilter(this.meters, contextBound, "/actuator", 0);
		MockHttpServletRequest request = request("/slow");
		request.setAsyncSupported(true);
		asyncFilter.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.startAsync());
		assertThat(caller).as("while the async work runs").hasValue("orders");
		((MockAsyncContext) request.getAsyncContext()).complete();
		assertThat(caller).as("after completion").hasNullValue();
		assertThat(count("unknown", "false")).isEqualTo(1);
	}

	@Test
	void aFailingTracerNeverFailsTheRequest() throws Exception {
		CallerBaggage broken = new CallerBaggage() {

			@Override
			public String current() {
				throw new IllegalStateException("tracer down");
			}

			@Override
			public Scope actAs(String name) {
				throw new IllegalStateException("tracer down");
			}

		};
		ServiceGraphFilter brokenFilter = new ServiceGraphFilter(this.meters, broken, "/actuator", 0);
		MockHttpServletRequest request = request("/orders");
		request.addHeader("baggage", "sightline.caller=gateway");
		brokenFilter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		assertThat(count("gateway", "false")).isEqualTo(1);
	}

	@Test
	void actuatorAndManagementPortRequestsAreNotEdges() throws Exception {
		this.filter.doFilter(request("/actuator/prometheus"), new MockHttpServletResponse(), new MockFilterChain());
		this.filter.doFilter(request("/actuator"), new MockHttpServletResponse(), new MockFilterChain());
		MockHttpServletRequest withContextPath = request("/app/actuator/health");
		withContextPath.setContextPath("/app");
		this.filter.doFilter(withContextPath, new MockHttpServletResponse(), new MockFilterChain());
		MockHttpServletRequest management = request("/health");
		management.setLocalPort(9090);
		this.filter.doFilter(management, new MockHttpServletResponse(), new MockFilterChain());
		assertThat(this.registry.find(ServiceGraphMeters.REQUESTS).counters()).isEmpty();
		// a path that merely starts with the same letters is an edge
		this.filter.doFilter(request("/actuators"), new MockHttpServletResponse(), new MockFilterChain());
		assertThat(count("unknown", "false")).isEqualTo(1);
	}

	@Test
	void aForwardedRequestIsRecordedOnce() throws Exception {
		MockHttpServletRequest request = request("/orders");
		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> this.filter.doFilter(req, res, new MockFilterChain()));
		assertThat(count("unknown", "false")).isEqualTo(1);
	}

	private MockHttpServletRequest request(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setLocalPort(8080);
		return request;
	}

	private double count(String client, String failed) {
		Counter counter = this.registry.find(ServiceGraphMeters.REQUESTS)
			.tags("client", client, "server", "orders", "connection_type", "http", "failed", failed)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
