package io.sightline.adoption;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic with {@code -javaagent:sightline-javaagent.jar} against a real Zipkin: a JPA request is one
 * trace of server, repository and JDBC spans (issue 18 point 1: the agent exports to the README's one
 * endpoint setting), startup SQL makes no traces and no span name carries a generated identifier
 * (point 4), the server span has no stray attributes (point 7), and every log line of the request
 * carries the trace's ids.
 */
class AgentModeIT extends AbstractClinicIT {

	@Override
	ClinicMode mode() {
		return ClinicMode.AGENT;
	}

	@Test
	void aJpaRequestIsOneTraceOfTheServerSpanWithRepositoryAndJdbcSpansBelowIt() throws Exception {
		List<JsonNode> trace = awaitOwnersTrace(this.clinic.requestOwners("owners"));
		JsonNode server = Spans.serverSpan(trace);
		assertThat(server.path("tags").path("http.route").asString("")).as("route of %s", Spans.describe(server))
			.isEqualTo("/owners");
		List<JsonNode> database = trace.stream().filter(Spans::isDatabase).toList();
		assertThat(database).as("JDBC spans of %s", trace)
			.isNotEmpty()
			.allMatch((span) -> "CLIENT".equals(Spans.kind(span)))
			.anyMatch((span) -> Spans.name(span).contains("owners"))
			.allMatch((span) -> Spans.descendsFrom(span, server, trace));
		List<JsonNode> repository = trace.stream()
			// Zipkin stores span names in lower case
			.filter((span) -> Spans.name(span).startsWith("ownerrepository."))
			.toList();
		assertThat(repository).as("Spring Data repository spans of %s", trace)
			.singleElement()
			.satisfies((span) -> assertThat(Spans.descendsFrom(span, server, trace)).isTrue());
		assertThat(trace).as("spans of one trace, all the clinic's")
			.allMatch((span) -> RunningClinic.SERVICE.equals(span.path("localEndpoint").path("serviceName").asString("")));
	}

	@Test
	void startupSqlMakesNoTraceOfDatabaseSpansOnly() throws Exception {
		// after a request's trace: the exports of the startup, earlier, have all arrived
		awaitOwnersTrace(this.clinic.requestOwners("owners-after-startup"));
		List<List<JsonNode>> traces = this.clinic.traces();
		List<String> databaseOnly = traces.stream()
			.filter((trace) -> trace.stream().allMatch(Spans::isDatabase))
			.map((trace) -> trace.stream().map(Spans::describe).collect(Collectors.joining(", ")))
			.toList();
		assertThat(databaseOnly).as("traces of database spans only (schema.sql, data.sql, validation queries)")
			.isEmpty();
		assertThat(traces.stream().flatMap(List::stream)).as("database spans within requests").anyMatch(Spans::isDatabase);
	}

	@Test
	void noSpanNameCarriesAGeneratedIdentifier() throws Exception {
		awaitOwnersTrace(this.clinic.requestOwners("owners-names"));
		List<JsonNode> spans = this.clinic.traces().stream().flatMap(List::stream).toList();
		assertThat(spans).as("the clinic's spans").anyMatch(Spans::isDatabase);
		assertThat(spans.stream().map(Spans::name)).as("span names (H2's generated database name is a UUID)")
			.noneMatch((name) -> Spans.UUID.matcher(name).find());
	}

	@Test
	void theServerSpanCarriesNoStrayAttributes() throws Exception {
		JsonNode server = Spans.serverSpan(awaitOwnersTrace(this.clinic.requestOwners("owners-tags")));
		Set<String> keys = server.path("tags").propertyNames().stream().collect(Collectors.toSet());
		// the request's latency sampled an exemplar from this span: reading it must leave nothing on it
		assertThat(keys).as("tags of %s", Spans.describe(server))
			.doesNotContain("exemplar", "otel.dropped_attributes_count");
	}

	@Test
	void everyLogLineOfTheRequestCarriesItsTraceAndOneOfItsSpans() throws Exception {
		String requestId = this.clinic.requestOwners("owners-logs");
		this.clinic.assertOwnersLogLinesBelongTo(requestId, awaitOwnersTrace(requestId));
	}

	/** The trace of GET /owners with this X-Request-Id, once Zipkin has its server span and JDBC spans. */
	private List<JsonNode> awaitOwnersTrace(String requestId) {
		return this.clinic.awaitTrace(this.clinic.ownersTraceId(requestId),
				(spans) -> spans.stream().anyMatch(Spans::isDatabase));
	}

}
