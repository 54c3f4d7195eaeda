package io.sightline.demo.order.web;

/** No order has the requested id; answered with 404. */
public class OrderNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param id the unknown id
	 */
	public OrderNotFoundException(String id) {
		super("Order " + id + " not found");
	}

}
