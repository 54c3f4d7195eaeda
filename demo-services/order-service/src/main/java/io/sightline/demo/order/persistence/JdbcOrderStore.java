package io.sightline.demo.order.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.sightline.demo.order.application.OrderStore;
import io.sightline.demo.order.domain.LineItem;
import io.sightline.demo.order.domain.Order;
import io.sightline.demo.order.domain.OrderStatus;
import io.sightline.demo.order.domain.PaymentStatus;
import io.sightline.demo.order.domain.StockStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in two tables ({@code orders}, {@code order_lines}; see {@code schema.sql}) through
 * {@link JdbcClient}, with SQL that H2 and PostgreSQL both accept.
 */
@Repository
public class JdbcOrderStore implements OrderStore {

	private static final String ORDER_COLUMNS = "id, customer_id, status, payment_status, stock_status, reason, amount, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	/**
	 * @param jdbc the client on the application's data source
	 */
	public JdbcOrderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Order order, String traceParent) {
		this.jdbc
			.sql("INSERT INTO orders (" + ORDER_COLUMNS + ", trace_parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(order.id(), order.customerId(), order.status().name(), order.paymentStatus().name(),
					order.stockStatus().name(), order.reason(), order.amount(), utc(order.createdAt()),
					utc(order.updatedAt()), traceParent)
			.update();
		List<LineItem> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			LineItem line = lines.get(i);
			this.jdbc
				.sql("INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)")
				.params(order.id(), i, line.sku(), line.quantity(), line.unitPrice())
				.update();
		}
	}

	@Override
	public Optional<Order> findById(String id) {
		return find("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?", id);
	}

	@Override
	public Optional<Order> lockById(String id) {
		return find("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ? FOR UPDATE", id);
	}

	private Optional<Order> find(String sql, String id) {
		// the lines are read after the order's result set is closed, not nested inside it
		Optional<Function<List<LineItem>, Order>> head = this.jdbc.sql(sql)
			.param(id)
			.query((rs, row) -> order(rs))
			.optional();
		return head.map((withLines) -> withLines.apply(lines(id)));
	}

	private List<LineItem> lines(String orderId) {
		return this.jdbc.sql("SELECT sku, quantity, unit_price FROM order_lines WHERE order_id = ? ORDER BY line_no")
			.param(orderId)
			.query((rs, row) -> new LineItem(rs.getString("sku"), rs.getInt("quantity"), rs.getBigDecimal("unit_price")))
			.list();
	}

	@Override
	public void update(Order order) {
		this.jdbc
			.sql("UPDATE orders SET status = ?, payment_status = ?, stock_status = ?, reason = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(order.status().name(), order.paymentStatus().name(), order.stockStatus().name(), order.reason(),
					utc(order.updatedAt()), order.id())
			.update();
	}

	@Override
	public List<PendingOrder> findPendingPlacedBefore(Instant cutoff, int limit) {
		return this.jdbc
			.sql("SELECT id, trace_parent FROM orders WHERE status = ? AND created_at < ? ORDER BY created_at LIMIT ?")
			.params(OrderStatus.PENDING.name(), utc(cutoff), limit)
			.query((rs, row) -> new PendingOrder(rs.getString("id"), rs.getString("trace_parent")))
			.list();
	}

	private static Function<List<LineItem>, Order> order(ResultSet rs) throws SQLException {
		String id = rs.getString("id");
		String customerId = rs.getString("customer_id");
		BigDecimal amount = rs.getBigDecimal("amount");
		OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
		PaymentStatus payment = PaymentStatus.valueOf(rs.getString("payment_status"));
		StockStatus stock = StockStatus.valueOf(rs.getString("stock_status"));
		String reason = rs.getString("reason");
		Instant createdAt = instant(rs, "created_at");
		Instant updatedAt = instant(rs, "updated_at");
		return (lines) -> Order.restore(id, customerId, lines, amount, status, payment, stock, reason, createdAt,
				updatedAt);
	}

	// OffsetDateTime: the java.time type both the H2 and the PostgreSQL driver map to TIMESTAMP WITH TIME ZONE
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
