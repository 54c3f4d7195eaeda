package io.sightline.adoption;

import java.util.ArrayList;
import java.util.List;

import io.sightline.it.support.ForkedApp;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In both modes the clinic's stdout is one JSON object per line, from its first line to its last:
 * Hibernate's and H2's startup, the SQL, the stack trace of the endpoint that throws, the shutdown.
 * It stops each clinic to read the shutdown too, so it runs after the other classes
 * ({@link ClassOrderer.OrderAnnotation}, junit-platform.properties).
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(Clinics.Extension.class)
class StdoutIsJsonLinesIT {

	@ParameterizedTest
	@EnumSource(ClinicMode.class)
	void stdoutIsOneJsonObjectPerLine(ClinicMode mode, Clinics clinics) throws Exception {
		RunningClinic clinic = clinics.of(mode);
		clinic.requestOwners("console");
		String requestId = RunningClinic.requestId("console-oups");
		assertThat(clinic.get("/oups", requestId).statusCode()).isEqualTo(500);
		clinic.awaitLogLine("threw exception", "(request " + requestId + ")");
		List<String> stdout = clinics.stop(mode).stdout();
		List<String> notJson = new ArrayList<>();
		int objects = 0;
		for (String line : stdout) {
			if (isJsonObject(line)) {
				objects++;
			}
			else {
				notJson.add(line.isBlank() ? "(blank line)" : line);
			}
		}
		assertThat(notJson).as("stdout lines of the %s clinic that are not a JSON object", mode).isEmpty();
		assertThat(objects).as("JSON log lines on stdout").isGreaterThan(10);
	}

	private static boolean isJsonObject(String line) {
		try {
			JsonNode node = ForkedApp.parse(line);
			return node.isObject();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
