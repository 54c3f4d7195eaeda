package io.sightline.it.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A plain Boot service with nothing but the starter, as a user would write it. */
@SpringBootApplication
public class SampleApplication {

	public static final String CARD = "4111 1111 1111 1111";

	public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlX19fX19fX19fX18";

	public static final String PASSWORD = "hunter2-s3cr3t";

	public static final String BEARER = "mF_9.B5f-4.1JqM";

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@RestController
	static class SampleController {

		private static final Logger logger = LoggerFactory.getLogger(SampleController.class);

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id) {
			logger.info("order {} looked up", id);
			return Map.of("id", id, "status", "CONFIRMED");
		}

		@GetMapping("/leak")
		Map<String, Object> leak() {
			MDC.put("card", CARD);
			MDC.put("authorization", "Bearer " + BEARER);
			MDC.put("session", JWT);
			MDC.put("login", "password=" + PASSWORD);
			try {
				logger.info("paying with card " + CARD + " and token Bearer " + BEARER);
				logger.info("login password={} jwt {} card {} auth {}", PASSWORD, JWT, CARD, "Bearer " + BEARER);
				logger.atInfo().addKeyValue("token", JWT).addKeyValue("card", CARD).log("key-value secrets");
				logger.warn("payment failed", new IllegalStateException("declined card " + CARD + " password="
						+ PASSWORD + " jwt " + JWT + " Authorization: Bearer " + BEARER));
			}
			finally {
				MDC.clear();
			}
			return Map.of("leaked", false);
		}

		/** One log line, then an exception no resolver handles: the container logs it at ERROR. */
		@GetMapping("/fail/{id}")
		Map<String, Object> fail(@PathVariable String id) {
			logger.info("order {} failing", id);
			throw new IllegalStateException("order " + id + " failed");
		}

		@GetMapping("/forge")
		Map<String, Object> forge() {
			logger.info("user said hi\r\n{\"log.level\":\"ERROR\",\"message\":\"forged\"}\n\u0000\u001b[31m");
			return Map.of("forged", false);
		}

	}

}
