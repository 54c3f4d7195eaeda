package io.sightline.demo.inventory.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.sightline.demo.inventory.domain.CatalogItem;
import io.sightline.demo.inventory.domain.ReservationLine;
import io.sightline.demo.inventory.domain.Reservations;
import io.sightline.demo.inventory.domain.Reservations.Release.Outcome;
import io.sightline.demo.inventory.domain.StockDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation rules against the real schema and seed in H2, with real transactions, and without
 * Spring Boot or Kafka: published decisions are recorded in a list.
 */
class ReservationsDatabaseTests {

	private final List<StockDecision> published = Collections.synchronizedList(new ArrayList<>());

	private String url;

	private JdbcInventory inventory;

	private Reservations reservations;

	@BeforeEach
	void database() {
		this.url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = new DriverManagerDataSource(this.url, "sa", "");
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource("schema.sql"),
				new ClassPathResource("data.sql"));
		populator.execute(dataSource);
		// run twice: schema and seed must be safe to apply on every start (the PostgreSQL profile does)
		populator.execute(dataSource);
		this.inventory = new JdbcInventory(JdbcClient.create(dataSource));
		this.reservations = new Reservations(this.inventory,
				new SpringTransactions(new DataSourceTransactionManager(dataSource)), this.published::add);
	}

	@AfterEach
	void dropDatabase() {
		JdbcClient.create(new DriverManagerDataSource(this.url, "sa", "")).sql("SHUTDOWN").update();
	}

	@Test
	void seedsEightItemsOnce() {
		assertThat(this.reservations.catalog()).hasSize(8).allSatisfy((item) -> {
			assertThat(item.available()).isPositive();
			assertThat(item.reserved()).isZero();
			assertThat(item.price()).isPositive();
		});
	}

	@Test
	void reservesEveryLineAndAddsUpRepeatedSkus() {
		StockDecision decision = this.reservations.reserve("o-1", List.of(new ReservationLine("SKU-8", 2),
				new ReservationLine("SKU-1", 3), new ReservationLine("SKU-8", 1)));
		assertThat(decision.reserved()).isTrue();
		assertThat(decision.reason()).isNull();
		assertStock("SKU-8", 2, 3);
		assertStock("SKU-1", 997, 3);
		assertThat(this.published).containsExactly(decision);
	}

	@Test
	void reservesNothingWhenOneLineIsShort() {
		StockDecision decision = this.reservations.reserve("o-2",
				List.of(new ReservationLine("SKU-1", 5), new ReservationLine("SKU-8", 6)));
		assertThat(decision).extracting(StockDecision::reserved, StockDecision::reason)
			.containsExactly(false, "insufficient stock for SKU-8");
		assertStock("SKU-1", 1000, 0);
		assertStock("SKU-8", 5, 0);
	}

	@Test
	void rejectsUnknownSkusAndBadQuantities() {
		assertThat(this.reservations.reserve("o-3", List.of(new ReservationLine("SKU-1", 1),
				new ReservationLine("NOPE", 1))).reason()).isEqualTo("unknown sku NOPE");
		assertThat(this.reservations.reserve("o-4", List.of(new ReservationLine("SKU-1", 0))).reason())
			.isEqualTo("invalid quantity for SKU-1");
		assertThat(this.reservations.reserve("o-5", List.of()).reason()).isEqualTo("order has no lines");
		assertStock("SKU-1", 1000, 0);
	}

	@Test
	void aRedeliveryRepublishesTheSameDecisionWithoutReservingTwice() {
		StockDecision first = this.reservations.reserve("o-6", List.of(new ReservationLine("SKU-8", 4)));
		StockDecision again = this.reservations.reserve("o-6", List.of(new ReservationLine("SKU-8", 4)));
		assertThat(again).isEqualTo(first);
		assertThat(this.published).containsExactly(first, first);
		assertStock("SKU-8", 1, 4);
	}

	@Test
	void aRejectedOrderStaysRejectedWhenRedelivered() {
		StockDecision first = this.reservations.reserve("o-7", List.of(new ReservationLine("SKU-8", 9)));
		// stock is no longer the question: the order was decided
		StockDecision again = this.reservations.reserve("o-7", List.of(new ReservationLine("SKU-8", 1)));
		assertThat(again).isEqualTo(first);
		assertStock("SKU-8", 5, 0);
	}

	@Test
	void releasesOnceAndOnlyOnce() {
		this.reservations.reserve("o-8", List.of(new ReservationLine("SKU-8", 3), new ReservationLine("SKU-2", 7)));
		Reservations.Release release = this.reservations.release("o-8", "payment declined");
		assertThat(release.outcome()).isEqualTo(Outcome.RELEASED);
		assertThat(release.lines()).containsExactly(new ReservationLine("SKU-2", 7), new ReservationLine("SKU-8", 3));
		assertStock("SKU-8", 5, 0);
		assertStock("SKU-2", 5000, 0);
		assertThat(this.reservations.release("o-8", "payment declined").outcome()).isEqualTo(Outcome.NOTHING_HELD);
		assertStock("SKU-8", 5, 0);
	}

	@Test
	void releasingARejectedOrderChangesNothing() {
		this.reservations.reserve("o-9", List.of(new ReservationLine("SKU-8", 50)));
		assertThat(this.reservations.release("o-9", "stock rejected").outcome()).isEqualTo(Outcome.NOTHING_HELD);
		assertStock("SKU-8", 5, 0);
	}

	@Test
	void anOrderCancelledBeforeItsReservationReservesNothingLater() {
		assertThat(this.reservations.release("o-10", "saga timeout").outcome())
			.isEqualTo(Outcome.CANCELLED_BEFORE_RESERVATION);
		StockDecision late = this.reservations.reserve("o-10", List.of(new ReservationLine("SKU-8", 1)));
		assertThat(late.reserved()).isFalse();
		assertThat(late.reason()).isEqualTo(Reservations.CANCELLED_BEFORE_RESERVATION);
		assertStock("SKU-8", 5, 0);
	}

	@Test
	void concurrentOrdersNeverOversell() throws Exception {
		int orders = 12;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<StockDecision>> results = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				String orderId = "race-" + i;
				Callable<StockDecision> reserve = () -> {
					start.await();
					return this.reservations.reserve(orderId, List.of(new ReservationLine("SKU-8", 1)));
				};
				results.add(pool.submit(reserve));
			}
			start.countDown();
			int reserved = 0;
			for (Future<StockDecision> result : results) {
				reserved += result.get().reserved() ? 1 : 0;
			}
			assertThat(reserved).isEqualTo(5);
			assertStock("SKU-8", 0, 5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertStock(String sku, int available, int reserved) {
		CatalogItem item = this.inventory.item(sku).orElseThrow();
		assertThat(item.available()).as("%s available", sku).isEqualTo(available);
		assertThat(item.reserved()).as("%s reserved", sku).isEqualTo(reserved);
	}

}
