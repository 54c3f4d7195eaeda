package io.sightline.demo.events;

import java.util.List;

/**
 * The saga's compensation: the order is CANCELLED, and any stock reserved for it must be released.
 *
 * @param orderId the order
 * @param reason declined payment, rejected stock, or a saga timeout
 * @param lines what was ordered, so the reservation can be released without another lookup
 */
public record OrderCancelled(String orderId, String reason, List<OrderLine> lines) {

}
