package io.sightline.deploy.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and port of an address as configuration files write it: {@code http://zipkin:9411/api/v2/spans},
 * {@code jdbc:postgresql://postgres:5432/orders}, {@code kafka:9092}.
 *
 * @param host the host name
 * @param port the port, or -1 when the address gives none
 */
public record Address(String host, int port) {

	private static final Pattern ADDRESS = Pattern
		.compile("^(?:(?:[a-z][a-z0-9+.-]*:)+//)?([A-Za-z0-9_.-]+)(?::([0-9]+))?(?:[/?].*)?$");

	public static Address parse(String address) {
		Matcher matcher = ADDRESS.matcher(address.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not an address: " + address);
		}
		return new Address(matcher.group(1), (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : -1);
	}

	/** Whether the text looks like an address with a scheme or a port, rather than a plain word. */
	public static boolean looksLikeAddress(String text) {
		return text.matches("^[a-z][a-z0-9+.:-]*://.+") || text.matches("^[A-Za-z0-9_.-]+:[0-9]+$");
	}

}
