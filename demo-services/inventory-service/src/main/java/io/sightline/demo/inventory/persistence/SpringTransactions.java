package io.sightline.demo.inventory.persistence;

import java.util.function.Supplier;

import io.sightline.demo.inventory.domain.Transactions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Transactions} on Spring's transaction manager for the DataSource.
 */
@Component
public class SpringTransactions implements Transactions {

	private final TransactionTemplate template;

	public SpringTransactions(PlatformTransactionManager transactionManager) {
		this.template = new TransactionTemplate(transactionManager);
	}

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return this.template.execute((status) -> work.get());
	}

}
