package io.sightline.demo.gateway.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/diagnostics/log}: logs the client's text as many applications log user input, so
 * that the reliability tests can prove that hostile input (line breaks, ANSI escapes, JSON breakers,
 * secrets, megabyte strings) never forges, breaks or leaks a log line. {@code as} chooses how:
 * {@code argument} (a placeholder argument), {@code message} (the whole message, as string
 * concatenation would) or {@code exception} (in the message of an unhandled exception: a 500).
 */
@RestController
@RequestMapping(path = "/api/diagnostics", produces = MediaType.APPLICATION_JSON_VALUE)
public class DiagnosticsController {

	private static final Logger logger = LoggerFactory.getLogger(DiagnosticsController.class);

	@PostMapping(path = "/log", consumes = MediaType.ALL_VALUE)
	public ResponseEntity<Map<String, Object>> log(@RequestBody(required = false) String text,
			@RequestParam(name = "as", defaultValue = "argument") String as) {
		String input = (text != null) ? text : "";
		switch (as) {
			case "argument" -> logger.info("client note: {}", input);
			case "message" -> logger.info(input);
			case "exception" -> throw new IllegalArgumentException("client note rejected: " + input);
			default -> {
				return ResponseEntity.badRequest().body(Map.of("error", "as must be argument, message or exception"));
			}
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("logged", input.length()));
	}

}
