package io.sightline.adoption.clinic;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The app's endpoints. Each logs a line when it starts and one when it is done, with the caller's
 * {@code X-Request-Id}, as many services do.
 */
@RestController
class OwnerController {

	private static final Logger logger = LoggerFactory.getLogger(OwnerController.class);

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners")
	List<Owner> list(@RequestHeader(name = "X-Request-Id", defaultValue = "-") String requestId) {
		logger.info("Listing owners (request {})", requestId);
		List<Owner> all = this.owners.findAllByOrderByLastNameAsc();
		logger.info("Owners listed (request {}): {}", requestId, all.size());
		return all;
	}

	@GetMapping("/owners/{id}")
	Owner show(@PathVariable long id, @RequestHeader(name = "X-Request-Id", defaultValue = "-") String requestId) {
		logger.info("Showing owner {} (request {})", id, requestId);
		Owner owner = this.owners.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + id));
		logger.info("Showed owner {} (request {})", id, requestId);
		return owner;
	}

	/** Oops: a bug that only shows in production. */
	@GetMapping("/oups")
	String oups(@RequestHeader(name = "X-Request-Id", defaultValue = "-") String requestId) {
		logger.info("Triggering an exception (request {})", requestId);
		throw new IllegalStateException("Expected: controller used to showcase what happens when an exception is thrown"
				+ " (request " + requestId + ")");
	}

}
