package io.sightline.demo.events;

import java.util.function.Function;

import org.slf4j.Logger;

/**
 * What the services' listeners on the saga topics share: the consumer property that types a topic's
 * JSON values, and the check every received event passes first.
 */
public final class SagaListeners {

	private static final String VALUE_TYPE = "spring.json.value.default.type=";

	/**
	 * The consumer property of a listener on {@link SagaTopics#ORDER_PLACED}: type-info headers are off on
	 * the wire, so the listener's container maps the topic to its one record type.
	 */
	public static final String ORDER_PLACED_VALUE_TYPE = VALUE_TYPE + "io.sightline.demo.events.OrderPlaced";

	private SagaListeners() {
	}

	/**
	 * Whether a received event names its order. One that does not, or a record read as no event at all,
	 * is logged as a warning and is to be skipped: nobody could correlate a result with it, and failing
	 * would have it redelivered forever.
	 * @param <E> the event's record type
	 * @param event the event as received, possibly null
	 * @param type the event's record type, named in the warning
	 * @param orderId the event's order id
	 * @param log the listener's logger, for the warning
	 * @return true when the event has a non-blank order id
	 */
	public static <E> boolean hasOrderId(E event, Class<E> type, Function<E, String> orderId, Logger log) {
		String id = (event != null) ? orderId.apply(event) : null;
		if (id == null || id.isBlank()) {
			log.warn("Ignoring an {} without an order id: {}", type.getSimpleName(), event);
			return false;
		}
		return true;
	}

}
