package io.sightline.demo.inventory.web;

import java.math.BigDecimal;

import io.sightline.demo.inventory.domain.CatalogItem;

/**
 * One item of {@code GET /catalog}.
 *
 * @param sku the item's id
 * @param name display name
 * @param price unit price
 * @param available units that can still be ordered
 */
public record CatalogEntry(String sku, String name, BigDecimal price, int available) {

	static CatalogEntry of(CatalogItem item) {
		return new CatalogEntry(item.sku(), item.name(), item.price(), item.available());
	}

}
