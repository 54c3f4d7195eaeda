package io.sightline.demo.inventory.web;

import io.sightline.demo.inventory.domain.CatalogItem;

/**
 * The answer of {@code GET /stock/{sku}}.
 *
 * @param sku the item
 * @param available units that can still be reserved
 * @param reserved units held for orders
 */
public record StockLevel(String sku, int available, int reserved) {

	static StockLevel of(CatalogItem item) {
		return new StockLevel(item.sku(), item.available(), item.reserved());
	}

}
