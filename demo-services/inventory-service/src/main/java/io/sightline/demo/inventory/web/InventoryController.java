package io.sightline.demo.inventory.web;

import java.util.List;

import io.sightline.demo.inventory.domain.Reservations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog and the stock levels, read by the gateway and by people following the saga.
 */
@RestController
public class InventoryController {

	private final Reservations reservations;

	public InventoryController(Reservations reservations) {
		this.reservations = reservations;
	}

	/**
	 * @return every item with its price and available units, by sku
	 */
	@GetMapping("/catalog")
	public List<CatalogEntry> catalog() {
		return this.reservations.catalog().stream().map(CatalogEntry::of).toList();
	}

	/**
	 * @param sku the item
	 * @return its stock, or 404 (problem details) for an unknown sku
	 */
	@GetMapping("/stock/{sku}")
	public ResponseEntity<?> stock(@PathVariable String sku) {
		return this.reservations.item(sku)
			.<ResponseEntity<?>>map((item) -> ResponseEntity.ok(StockLevel.of(item)))
			.orElseGet(() -> ResponseEntity
				.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown sku " + sku))
				.build());
	}

}
