package io.sightline.demo.inventory.domain;

import java.math.BigDecimal;

/**
 * A catalog item with its stock.
 *
 * @param sku the item's id
 * @param name display name
 * @param price unit price
 * @param available units that can still be reserved
 * @param reserved units held for orders that are not cancelled
 */
public record CatalogItem(String sku, String name, BigDecimal price, int available, int reserved) {

}
