package io.sightline.dashboards;

/**
 * A fault the demo can inject, for the panels whose queries only have data during an incident. Such a panel
 * carries {@code Incident-only: <fault>.} in its description, and the live test injects that fault before it
 * requires data from the panel.
 */
public enum Fault {

	/** order-service answers 100 % errors: the gateway's breaker to order-service opens, SLO alerts fire. */
	ORDER_ERRORS("order-errors"),

	/** payment-service's consumers are paused: order sagas time out. */
	SAGA_TIMEOUT("saga-timeout"),

	/** The gateway (the BFF) answers 100 % errors. */
	GATEWAY_ERRORS("gateway-errors");

	private final String id;

	Fault(String id) {
		this.id = id;
	}

	/** The fault's name in the marker, e.g. {@code order-errors}. */
	public String id() {
		return this.id;
	}

	/** The description marker: {@code Incident-only: order-errors.} */
	public String marker() {
		return "Incident-only: " + this.id + ".";
	}

}
