package io.sightline.adoption;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic with the starter alone (Micrometer Tracing, Brave, zipkin-reporter) against a real Zipkin:
 * a request's server span reaches the README's endpoint, every log line of the request carries its
 * trace, and so does the container's ERROR line of the endpoint that throws (issue 18 point 3).
 */
class AgentlessModeIT extends AbstractClinicIT {

	@Override
	ClinicMode mode() {
		return ClinicMode.AGENTLESS;
	}

	@Test
	void aRequestsServerSpanReachesZipkin() throws Exception {
		String traceId = this.clinic.ownersTraceId(this.clinic.requestOwners("owners"));
		JsonNode server = Spans.serverSpan(this.clinic.awaitTrace(traceId, (spans) -> true));
		assertThat(server.path("localEndpoint").path("serviceName").asString("")).isEqualTo(RunningClinic.SERVICE);
		assertThat(server.path("name").asString("")).as("name of %s", Spans.describe(server)).endsWith("/owners");
	}

	@Test
	void everyLogLineOfTheRequestCarriesItsTraceAndOneOfItsSpans() throws Exception {
		String requestId = this.clinic.requestOwners("owners-logs");
		String traceId = this.clinic.ownersTraceId(requestId);
		this.clinic.assertOwnersLogLinesBelongTo(requestId, this.clinic.awaitTrace(traceId, (spans) -> true));
	}

	@Test
	void theContainersErrorLineOfTheThrowingEndpointCarriesItsServerSpan() throws Exception {
		String requestId = RunningClinic.requestId("oups");
		assertThat(this.clinic.get("/oups", requestId).statusCode()).isEqualTo(500);
		String traceId = RunningClinic
			.traceIdOf(this.clinic.awaitLogLine("Triggering an exception (request " + requestId + ")"));
		// Tomcat's StandardWrapperValve logs it after the filters (and the server observation) returned
		JsonNode error = this.clinic.awaitLogLine("threw exception", "(request " + requestId + ")");
		assertThat(error.path("log.level").asString("")).isEqualTo("ERROR");
		JsonNode server = Spans.serverSpan(this.clinic.awaitTrace(traceId, (spans) -> true));
		assertThat(error.path("trace.id").asString("")).as("trace.id of %s", error).isEqualTo(traceId);
		assertThat(error.path("span.id").asString("")).as("span.id of %s", error)
			.isEqualTo(server.path("id").asString());
	}

}
