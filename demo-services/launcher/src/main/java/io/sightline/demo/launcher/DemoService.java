package io.sightline.demo.launcher;

/** The four services, in port order: the gateway on the base port, then order, payment, inventory. */
public enum DemoService {

	GATEWAY("gateway"), ORDER("order-service"), PAYMENT("payment-service"), INVENTORY("inventory-service");

	private final String serviceName;

	DemoService(String serviceName) {
		this.serviceName = serviceName;
	}

	public String serviceName() {
		return this.serviceName;
	}

	String jarName() {
		return this.serviceName + ".jar";
	}

}
