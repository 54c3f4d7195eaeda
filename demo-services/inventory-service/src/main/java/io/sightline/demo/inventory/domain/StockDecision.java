package io.sightline.demo.inventory.domain;

import java.time.Instant;

/**
 * The answer given to an order, once and for all: a redelivery gets the same one.
 *
 * @param orderId the order
 * @param reserved whether all of its lines were reserved
 * @param reason why it was rejected; null when reserved
 * @param decidedAt when it was decided
 */
public record StockDecision(String orderId, boolean reserved, String reason, Instant decidedAt) {

}
