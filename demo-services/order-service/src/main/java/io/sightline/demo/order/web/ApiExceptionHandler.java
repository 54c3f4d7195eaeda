package io.sightline.demo.order.web;

import io.sightline.demo.order.domain.InvalidOrderException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}), with a {@code detail} that
 * says what to fix.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	/** The body the API expects, quoted when a body cannot be read at all. */
	static final String EXPECTED_BODY = "{\"customerId\": \"...\", \"lines\": [{\"sku\": \"...\", \"quantity\": 1, \"unitPrice\": 9.99}]}";

	/**
	 * 400 listing every broken rule, also as the {@code violations} array.
	 * @param ex the rejected order
	 * @return the problem
	 */
	@ExceptionHandler(InvalidOrderException.class)
	public ProblemDetail invalidOrder(InvalidOrderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid order");
		problem.setProperty("violations", ex.violations());
		return problem;
	}

	/**
	 * 404 for an unknown order.
	 * @param ex names the id
	 * @return the problem
	 */
	@ExceptionHandler(OrderNotFoundException.class)
	public ProblemDetail notFound(OrderNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Order not found");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Jackson's own message names Java types; say what the client should send instead
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Request body is missing or is not a valid order; expected " + EXPECTED_BODY);
		problem.setTitle("Unreadable request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
