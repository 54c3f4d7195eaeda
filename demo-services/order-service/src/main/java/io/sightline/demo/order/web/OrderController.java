package io.sightline.demo.order.web;

import java.net.URI;
import java.util.List;

import io.sightline.demo.order.application.OrderService;
import io.sightline.demo.order.domain.Order;
import io.sightline.demo.order.domain.Order.RequestedLine;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The order API: place an order, read it back while the saga decides its fate. */
@RestController
@RequestMapping("/orders")
public class OrderController {

	private final OrderService orders;

	/**
	 * @param orders the use cases
	 */
	public OrderController(OrderService orders) {
		this.orders = orders;
	}

	/**
	 * Places an order; it starts PENDING.
	 * @param request customer and lines
	 * @return 201 with the id, status and a {@code Location} header
	 */
	@PostMapping
	public ResponseEntity<OrderCreatedResponse> place(@RequestBody PlaceOrderRequest request) {
		List<RequestedLine> lines = (request.lines() != null) ? request.lines()
			.stream()
			.map((line) -> (line != null) ? new RequestedLine(line.sku(), line.quantity(), line.unitPrice()) : null)
			.toList() : null;
		Order order = this.orders.place(request.customerId(), lines);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(order.id()).toUri();
		return ResponseEntity.created(location).body(new OrderCreatedResponse(order.id(), order.status()));
	}

	/**
	 * Reads an order.
	 * @param id the order id
	 * @return the order with its payment and stock status
	 */
	@GetMapping("/{id}")
	public OrderResponse get(@PathVariable String id) {
		return this.orders.find(id).map(OrderResponse::of).orElseThrow(() -> new OrderNotFoundException(id));
	}

}
