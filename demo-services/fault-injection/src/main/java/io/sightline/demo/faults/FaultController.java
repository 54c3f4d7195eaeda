package io.sightline.demo.faults;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/faults} on the management port only (never on the application port): read, change
 * (fields left out are kept) and reset the faults in force.
 */
@RestController
@RequestMapping("${management.endpoints.web.base-path:/actuator}/faults")
class FaultController {

	/** Strict: an unknown field is a typo to report, not a field to ignore. */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final FaultInjector injector;

	FaultController(FaultInjector injector) {
		this.injector = injector;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	FaultSettings current() {
		return this.injector.current();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	FaultSettings change(@RequestBody String body) {
		return this.injector.change(STRICT.readValue(body, FaultChange.class));
	}

	@DeleteMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	FaultSettings reset() {
		return this.injector.reset();
	}

	@ExceptionHandler(InvalidFaultException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidFaultException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", ex.getMessage(), "problems", ex.problems()));
	}

	@ExceptionHandler(JacksonException.class)
	ResponseEntity<Map<String, Object>> unreadable(JacksonException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("error", "Invalid fault settings: " + ex.getOriginalMessage()));
	}

}
