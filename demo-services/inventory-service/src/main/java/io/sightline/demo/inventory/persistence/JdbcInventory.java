package io.sightline.demo.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.sightline.demo.inventory.domain.CatalogItem;
import io.sightline.demo.inventory.domain.DecisionAlreadyTakenException;
import io.sightline.demo.inventory.domain.Inventory;
import io.sightline.demo.inventory.domain.ReservationLine;
import io.sightline.demo.inventory.domain.StockDecision;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inventory in a relational database (H2 or PostgreSQL; plain SQL that both accept). Counts are
 * changed by conditional UPDATEs, so two orders racing for the last units cannot both get them.
 */
@Repository
public class JdbcInventory implements Inventory {

	private static final String ITEM_COLUMNS = "SELECT sku, name, price, available, reserved FROM catalog_item";

	private final JdbcClient jdbc;

	public JdbcInventory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CatalogItem> catalog() {
		return this.jdbc.sql(ITEM_COLUMNS + " ORDER BY sku").query(JdbcInventory::item).list();
	}

	@Override
	public Optional<CatalogItem> item(String sku) {
		return this.jdbc.sql(ITEM_COLUMNS + " WHERE sku = :sku")
			.param("sku", sku)
			.query(JdbcInventory::item)
			.optional();
	}

	@Override
	public Take take(String sku, int quantity) {
		int updated = updateCounts("UPDATE catalog_item"
				+ " SET available = available - :quantity, reserved = reserved + :quantity"
				+ " WHERE sku = :sku AND available >= :quantity", sku, quantity);
		if (updated == 1) {
			return Take.TAKEN;
		}
		boolean known = this.jdbc.sql("SELECT COUNT(*) FROM catalog_item WHERE sku = :sku")
			.param("sku", sku)
			.query(Integer.class)
			.single() > 0;
		return known ? Take.INSUFFICIENT : Take.UNKNOWN;
	}

	@Override
	public void putBack(String sku, int quantity) {
		int updated = updateCounts("UPDATE catalog_item"
				+ " SET available = available + :quantity, reserved = reserved - :quantity"
				+ " WHERE sku = :sku", sku, quantity);
		if (updated != 1) {
			// the foreign key of reservation_line makes this unreachable; fail loudly if it ever is not
			throw new IllegalStateException("Cannot put back " + quantity + " of unknown sku " + sku);
		}
	}

	@Override
	public Optional<StockDecision> decision(String orderId) {
		return this.jdbc.sql("SELECT order_id, reserved, reason, decided_at FROM stock_decision WHERE order_id = :id")
			.param("id", orderId)
			.query((rs, row) -> new StockDecision(rs.getString("order_id"), rs.getBoolean("reserved"),
					rs.getString("reason"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	@Override
	public void saveDecision(StockDecision decision) {
		try {
			this.jdbc
				.sql("INSERT INTO stock_decision (order_id, reserved, reason, decided_at)"
						+ " VALUES (:id, :reserved, :reason, :decidedAt)")
				.param("id", decision.orderId())
				.param("reserved", decision.reserved())
				.param("reason", decision.reason())
				.param("decidedAt", utc(decision.decidedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DecisionAlreadyTakenException(decision.orderId(), ex);
		}
	}

	@Override
	public void saveReservation(String orderId, List<ReservationLine> lines, Instant createdAt) {
		this.jdbc.sql("INSERT INTO reservation (order_id, created_at) VALUES (:id, :createdAt)")
			.param("id", orderId)
			.param("createdAt", utc(createdAt))
			.update();
		for (ReservationLine line : lines) {
			this.jdbc.sql("INSERT INTO reservation_line (order_id, sku, quantity) VALUES (:id, :sku, :quantity)")
				.param("id", orderId)
				.param("sku", line.sku())
				.param("quantity", line.quantity())
				.update();
		}
	}

	@Override
	public List<ReservationLine> deleteReservation(String orderId) {
		List<ReservationLine> lines = this.jdbc
			.sql("SELECT sku, quantity FROM reservation_line WHERE order_id = :id ORDER BY sku")
			.param("id", orderId)
			.query((rs, row) -> new ReservationLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
		// The DELETE decides: a concurrent release of the same order waits on the row and then deletes
		// nothing, so it must not put the lines back.
		int deleted = this.jdbc.sql("DELETE FROM reservation WHERE order_id = :id").param("id", orderId).update();
		return (deleted == 1) ? lines : List.of();
	}

	/** Runs an UPDATE of one sku's counts by {@code :quantity}; the number of rows it changed. */
	private int updateCounts(String update, String sku, int quantity) {
		return this.jdbc.sql(update).param("quantity", quantity).param("sku", sku).update();
	}

	private static CatalogItem item(ResultSet rs, int row) throws SQLException {
		return new CatalogItem(rs.getString("sku"), rs.getString("name"), rs.getBigDecimal("price"),
				rs.getInt("available"), rs.getInt("reserved"));
	}

	/** OffsetDateTime rather than Instant: the PostgreSQL driver does not bind Instant. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
