package io.sightline.demo.gateway.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What the UI sends to place an order: prices come from the catalog, not from the client.
 *
 * @param customerId who orders
 * @param lines what, and how many
 */
public record PlaceOrderRequest(String customerId, List<Line> lines) {

	/**
	 * @param sku catalog item
	 * @param quantity at least 1
	 */
	public record Line(String sku, int quantity) {

	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.customerId == null || this.customerId.isBlank()) {
			problems.add("customerId is required");
		}
		if (this.lines == null || this.lines.isEmpty()) {
			problems.add("lines must not be empty");
		}
		else {
			for (Line line : this.lines) {
				if (line == null || line.sku() == null || line.sku().isBlank() || line.quantity() < 1) {
					problems.add("each line needs a sku and a quantity of at least 1");
					break;
				}
			}
		}
		return problems;
	}

}
