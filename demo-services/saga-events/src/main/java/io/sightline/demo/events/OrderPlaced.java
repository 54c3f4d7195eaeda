package io.sightline.demo.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order was accepted as PENDING; payment and stock now decide its fate.
 *
 * @param orderId the order
 * @param customerId who pays
 * @param lines what is ordered
 * @param amount total to authorize
 */
public record OrderPlaced(String orderId, String customerId, List<OrderLine> lines, BigDecimal amount) {

}
