package io.sightline.demo.inventory.domain;

import java.util.function.Supplier;

/**
 * Port: runs work in one database transaction, committed if it returns and rolled back if it throws.
 */
public interface Transactions {

	/**
	 * @param work what to do atomically
	 * @param <T> its result
	 * @return the result of {@code work}
	 */
	<T> T inTransaction(Supplier<T> work);

}
