package io.sightline.demo.inventory;

import io.sightline.demo.inventory.domain.Inventory;
import io.sightline.demo.inventory.domain.Reservations;
import io.sightline.demo.inventory.domain.StockResultPublisher;
import io.sightline.demo.inventory.domain.Transactions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Spring-free domain to its adapters.
 */
@Configuration(proxyBeanMethods = false)
public class InventoryConfiguration {

	@Bean
	Reservations reservations(Inventory inventory, Transactions transactions, StockResultPublisher publisher) {
		return new Reservations(inventory, transactions, publisher);
	}

}
