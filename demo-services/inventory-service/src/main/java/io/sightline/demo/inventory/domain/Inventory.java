package io.sightline.demo.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the stock and the reservations, as stored. Every method joins the caller's transaction
 * ({@link Transactions}).
 */
public interface Inventory {

	/**
	 * @return every catalog item, by sku
	 */
	List<CatalogItem> catalog();

	/**
	 * @param sku the item
	 * @return the item, if the catalog has it
	 */
	Optional<CatalogItem> item(String sku);

	/**
	 * Moves units from available to reserved, only if enough are available.
	 * @param sku the item
	 * @param quantity units, at least 1
	 * @return what happened
	 */
	Take take(String sku, int quantity);

	/**
	 * Moves units from reserved back to available.
	 * @param sku the item
	 * @param quantity units, at least 1
	 */
	void putBack(String sku, int quantity);

	/**
	 * @param orderId the order
	 * @return the decision taken for it, if any
	 */
	Optional<StockDecision> decision(String orderId);

	/**
	 * Records the decision of an order.
	 * @param decision the decision
	 * @throws DecisionAlreadyTakenException if the order already has one
	 */
	void saveDecision(StockDecision decision);

	/**
	 * Records the units held for an order.
	 * @param orderId the order
	 * @param lines what is held, one line per sku
	 * @param createdAt when
	 */
	void saveReservation(String orderId, List<ReservationLine> lines, Instant createdAt);

	/**
	 * Deletes the reservation of an order. Of two concurrent calls for the same order, only one gets
	 * the lines, so stock is never released twice.
	 * @param orderId the order
	 * @return the lines that were held; empty if the order held nothing
	 */
	List<ReservationLine> deleteReservation(String orderId);

	/**
	 * Outcome of {@link #take}.
	 */
	enum Take {

		/** The units are now reserved. */
		TAKEN,

		/** Fewer units are available than requested; nothing changed. */
		INSUFFICIENT,

		/** No such sku; nothing changed. */
		UNKNOWN

	}

}
