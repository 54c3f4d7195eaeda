package io.sightline.agent.it.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smoke-test service: a plain Boot 4 app with the Sightline starter, Spring MVC and JDBC on an
 * embedded H2 (schema.sql), and no tracing code at all. The javaagent it runs with does the rest.
 */
@SpringBootApplication
public class SmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(SmokeApplication.class, args);
	}

	@RestController
	static class SmokeController {

		private static final Logger logger = LoggerFactory.getLogger(SmokeController.class);

		private final JdbcTemplate jdbc;

		SmokeController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/** One log line and one JDBC query, the id as a bind parameter. */
		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id) {
			logger.info("order {} looked up", id);
			List<String> status = this.jdbc.queryForList("SELECT status FROM orders WHERE id = ?", String.class, id);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id);
			body.put("status", status.isEmpty() ? "UNKNOWN" : status.get(0));
			return body;
		}

		/** A request full of secrets: the card goes into the log line and into a JDBC bind parameter. */
		@GetMapping("/pay")
		Map<String, Object> pay(@RequestParam String card, @RequestParam(defaultValue = "-") String ref) {
			logger.info("payment {} requested with card {}", ref, card);
			Integer previous = this.jdbc.queryForObject("SELECT COUNT(*) FROM payments WHERE card = ?", Integer.class,
					card);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("ref", ref);
			body.put("previousPayments", previous);
			body.put("accepted", true);
			return body;
		}

	}

}
