package io.sightline.boot.slo;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the property javadoc promises: listing BURNING in the status order (and mapping it) makes it
 * count for the service's health; here a burning SLO takes /actuator/health to 503.
 */
@SpringBootTest(classes = SloHealthApplicationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=slo-web", "sightline.slo.sample-interval=1s",
				"management.endpoint.health.status.order=down,out-of-service,burning,up",
				"management.endpoint.health.status.http-mapping.burning=503",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class SloHealthStatusOrderTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path) throws Exception {
		return SloHealthApplicationTests.httpGet(this.port, path);
	}

	@Test
	void burningCountsWhenTheUserOrdersIt() throws Exception {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (int i = 0; i < 10; i++) {
				get("/work?fail=true");
			}
			HttpResponse<String> health = get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"BURNING\"");
		});
		// the liveness probe must never restart a service for burning budget
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

}
