package io.sightline.demo.order.web;

import io.sightline.demo.order.domain.OrderStatus;

/**
 * Answer to {@code POST /orders}; the full order is at the {@code Location} header.
 *
 * @param id the new order's id
 * @param status always PENDING: the saga decides later
 */
public record OrderCreatedResponse(String id, OrderStatus status) {

}
