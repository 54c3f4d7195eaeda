package io.sightline.test.demo;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A plain service using the starter, as the telemetry contract tests' subject. */
@SpringBootApplication
public class ContractDemoApplication {

	/** A Luhn-valid test card number, which the starter's redaction policy masks. */
	public static final String CARD = "4111 1111 1111 1111";

	@RestController
	static class OrderController {

		private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

		private final Tracer tracer;

		OrderController(Tracer tracer) {
			this.tracer = tracer;
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id) {
			logger.info("order {} looked up", id);
			logger.info("order {} priced", id);
			return Map.of("id", id, "status", "CONFIRMED");
		}

		/** Tags the server span with a card number, which must be redacted before any reporter sees it. */
		@GetMapping("/payments/{id}")
		Map<String, Object> payment(@PathVariable String id) {
			Span span = this.tracer.currentSpan();
			if (span != null) {
				span.tag("payment.note", "paid with card " + CARD);
			}
			logger.info("payment {} accepted", id);
			return Map.of("id", id, "status", "PAID");
		}

		/** Breaks the contract on purpose: one line in the middle of the request loses the trace context. */
		@GetMapping("/orders/{id}/lost-context")
		Map<String, Object> lostContext(@PathVariable String id) {
			logger.info("order {} looked up", id);
			String traceId = MDC.get("traceId");
			String spanId = MDC.get("spanId");
			MDC.remove("traceId");
			MDC.remove("spanId");
			try {
				logger.info("order {} context lost", id);
			}
			finally {
				MDC.put("traceId", traceId);
				MDC.put("spanId", spanId);
			}
			logger.info("order {} priced", id);
			return Map.of("id", id, "status", "CONFIRMED");
		}

	}

}
