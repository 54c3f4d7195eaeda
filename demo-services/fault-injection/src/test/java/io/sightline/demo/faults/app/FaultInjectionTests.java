package io.sightline.demo.faults.app;

import io.sightline.demo.faults.DependencyDownInterceptor;
import io.sightline.demo.faults.FaultChange;
import io.sightline.demo.faults.FaultInjector;
import io.sightline.demo.faults.FaultSettings;
import io.sightline.demo.faults.InjectedFaultException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A real servlet app with its own management port: the control surface and its effect on requests. */
@SpringBootTest(classes = FaultInjectionTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.endpoints.web.exposure.include=health" })
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	FaultInjector injector;

	private final RestClient http = RestClient.builder()
		.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
		})
		.build();

	@AfterEach
	void reset() {
		this.injector.reset();
	}

	private String faults() {
		return "http://127.0.0.1:" + this.managementPort + "/actuator/faults";
	}

	private ResponseEntity<String> post(String json) {
		return this.http.post().uri(faults()).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
	}

	private ResponseEntity<String> hello() {
		return this.http.get().uri("http://127.0.0.1:" + this.port + "/hello").retrieve().toEntity(String.class);
	}

	@Test
	void errorRateOfOneHundredFailsEveryRequestUntilReset(CapturedOutput output) {
		assertThat(post("{\"errorRatePercent\":100}").getStatusCode().value()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(hello().getStatusCode().value()).isEqualTo(503);
		}
		// each injected error is logged like a real failure: ERROR, with an exception
		assertThat(output.getAll().split("Request failed with 503: injected fault", -1)).hasSize(6);
		assertThat(output.getAll()).contains("ERROR").contains(InjectedFaultException.class.getName());
		// probes are spared
		assertThat(this.http.get().uri("http://127.0.0.1:" + this.managementPort + "/actuator/health").retrieve()
			.toEntity(String.class).getStatusCode().value()).isEqualTo(200);
		assertThat(this.http.delete().uri(faults()).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
		assertThat(hello().getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void latencyIsAdded() {
		post("{\"latencyMillis\":300,\"jitterMillis\":0}");
		long start = System.nanoTime();
		assertThat(hello().getStatusCode().value()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void changesMergeAndShowInTheState() {
		post("{\"downDependencies\":[\"order-service\"]}");
		post("{\"kafkaConsumersPaused\":true}");
		String state = this.http.get().uri(faults()).retrieve().body(String.class);
		assertThat(state).contains("\"downDependencies\":[\"order-service\"]").contains("\"kafkaConsumersPaused\":true");
		assertThat(this.injector.isDown("order-service")).isTrue();
	}

	@Test
	void badValuesGetA400NamingTheField() {
		for (Map.Entry<String, String> bad : Map.of("{\"errorRatePercent\":101}", "errorRatePercent",
				"{\"errorRatePercent\":-1}", "errorRatePercent", "{\"latencyMillis\":-5}", "latencyMillis",
				"{\"errorRate\":50}", "errorRate", "{\"downDependencies\":[\"a b\"]}", "downDependencies", "not json",
				"Invalid fault settings").entrySet()) {
			ResponseEntity<String> response = post(bad.getKey());
			assertThat(response.getStatusCode().value()).as(bad.getKey()).isEqualTo(400);
			assertThat(response.getBody()).as(bad.getKey()).contains(bad.getValue());
		}
		assertThat(this.injector.current()).isEqualTo(FaultSettings.NONE);
	}

	@Test
	void notExposedOnTheApplicationPort() {
		ResponseEntity<String> response = this.http.post()
			.uri("http://127.0.0.1:" + this.port + "/actuator/faults")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"errorRatePercent\":100}")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isIn(404, 405);
		assertThat(this.injector.current()).isEqualTo(FaultSettings.NONE);
	}

	@Test
	void dependencyDownFailsCallsBeforeSendingThem() {
		this.injector.change(new FaultChange(null, null, null, java.util.Set.of("inventory-service"), null));
		RestClient client = RestClient.builder()
			.requestInterceptor(new DependencyDownInterceptor(this.injector, "inventory-service"))
			.build();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> client.get().uri("http://127.0.0.1:" + this.port + "/hello").retrieve().body(String.class))
			.hasRootCauseInstanceOf(java.net.ConnectException.class)
			.hasStackTraceContaining("inventory-service is down");
	}

	@SpringBootApplication
	@RestController
	static class App {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
