package io.sightline.it;

import java.util.List;
import java.util.Map;

import io.sightline.it.support.ItTools;
import io.sightline.it.sample.SampleApplication;
import io.sightline.it.support.ForkedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator as Sightline sets it up, on a separate management port: health (with probes), info (with
 * the identity) and prometheus only, and no health details for anonymous callers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorDefaultsIT {

	private final int managementPort = ItTools.freePort();

	private ForkedApp app;

	@BeforeAll
	void start() throws Exception {
		String management = "http://127.0.0.1:" + this.managementPort;
		this.app = ForkedApp.start(ItTools.javaBin(), SampleApplication.class.getName(), "actuator-defaults", List.of(),
				List.of("--management.server.port=" + this.managementPort, "--management.server.address=127.0.0.1",
						"--sightline.release.id=r-actuator",
						"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans"),
				management + "/actuator/health");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
	}

	private String management(String path) {
		return "http://127.0.0.1:" + this.managementPort + path;
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
		assertThat(this.app.getUrl(management("/actuator/health"), Map.of()).statusCode()).isEqualTo(200);
		assertThat(this.app.getUrl(management("/actuator/prometheus"), Map.of()).statusCode()).isEqualTo(200);
		assertThat(this.app.getUrl(management("/actuator/info"), Map.of()).statusCode()).isEqualTo(200);
		for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/loggers",
				"/actuator/heapdump")) {
			assertThat(this.app.getUrl(management(hidden), Map.of()).statusCode()).as(hidden).isEqualTo(404);
		}
		// the application port serves no actuator at all once management has its own port
		assertThat(this.app.get("/actuator/health").statusCode()).isEqualTo(404);
	}

	@Test
	void livenessAndReadinessProbesAnswer() throws Exception {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			var response = this.app.getUrl(management(probe), Map.of());
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(ForkedApp.parse(response.body()).path("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void healthDetailsOnlyWhenAuthorized() throws Exception {
		JsonNode health = ForkedApp.parse(this.app.getUrl(management("/actuator/health"), Map.of()).body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).isFalse();
		assertThat(health.has("details")).isFalse();
	}

	@Test
	void infoCarriesTheIdentity() throws Exception {
		JsonNode info = ForkedApp.parse(this.app.getUrl(management("/actuator/info"), Map.of()).body());
		JsonNode sightline = info.path("sightline");
		assertThat(sightline.path("service.name").asString()).isEqualTo("actuator-defaults");
		assertThat(sightline.path("sightline.release.id").asString()).isEqualTo("r-actuator");
		assertThat(sightline.path("service.version").asString()).isEqualTo("1.2.3-it");
		assertThat(sightline.path("deployment.environment.name").asString()).isEqualTo("local");
		assertThat(sightline.path("service.instance.id").asString()).isNotBlank();
	}

}
