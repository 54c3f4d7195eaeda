package io.sightline.boot.slo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real service with the starter and its spec at classpath:slo/slo-web.yml: failing requests turn the
 * slo health component BURNING within seconds, the burn rate is scraped, and the service's own health
 * stays UP with HTTP 200 (BURNING is not in Boot's default status order).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=slo-web", "sightline.slo.sample-interval=1s",
				"management.endpoint.health.show-details=always", "management.endpoint.health.show-components=always",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class SloHealthApplicationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	/** A GET of one of {@link App}'s paths, served on the given port. */
	static HttpResponse<String> httpGet(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return httpGet(this.port, path);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void failingRequestsBurnTheBudgetWhileTheServiceStaysUp() throws Exception {
		HttpResponse<String> before = get("/actuator/health/slo");
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(json(before).path("status").asString()).isEqualTo("UP");
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (int i = 0; i < 10; i++) {
				assertThat(get("/work?fail=true").statusCode()).isEqualTo(500);
			}
			HttpResponse<String> slo = get("/actuator/health/slo");
			assertThat(slo.statusCode()).isEqualTo(200);
			assertThat(json(slo).path("status").asString()).isEqualTo("BURNING");
		});
		JsonNode slo = json(get("/actuator/health/slo"));
		assertThat(slo.path("details").path("availability").path("burning").asBoolean()).isTrue();
		assertThat(slo.path("details").path("availability").path("burnRate").path("5m").asDouble())
			.isGreaterThan(14.4);
		assertThat(slo.path("details").path("latency").path("burning").asBoolean()).isFalse();

		String prometheus = get("/actuator/prometheus").body();
		assertThat(prometheus).containsPattern(
				"(?m)^sightline_slo_burn_rate\\{[^}]*slo=\"availability\"[^}]*window=\"5m\"[^}]*\\} [0-9.E]+$");
		assertThat(prometheus).containsPattern("(?m)^sightline_slo_error_ratio\\{[^}]*slo=\"latency\"[^}]*window=\"1h\"");

		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json(health).path("status").asString()).isEqualTo("UP");
		assertThat(json(health).path("components").path("slo").path("status").asString()).isEqualTo("BURNING");
		// the readiness probe is not affected either
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WorkController.class)
	static class App {

	}

	@RestController
	static class WorkController {

		@GetMapping("/work")
		ResponseEntity<String> work(@RequestParam(defaultValue = "false") boolean fail) {
			return fail ? ResponseEntity.internalServerError().body("injected") : ResponseEntity.ok("done");
		}

	}

}
