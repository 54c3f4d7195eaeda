package io.sightline.demo.order.domain;

import java.util.List;

/** An order that cannot be placed; carries every rule it breaks, each naming its field. */
public class InvalidOrderException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> violations;

	/**
	 * @param violations what is wrong, one entry per broken rule, e.g. {@code lines[0].quantity must be at least 1}
	 */
	public InvalidOrderException(List<String> violations) {
		super("Invalid order: " + String.join("; ", violations));
		this.violations = List.copyOf(violations);
	}

	/** Every broken rule, in field order. */
	public List<String> violations() {
		return this.violations;
	}

}
