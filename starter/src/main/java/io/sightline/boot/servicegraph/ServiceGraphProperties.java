package io.sightline.boot.servicegraph;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sightline.service-graph.*}: service-graph edge metrics.
 */
@ConfigurationProperties(prefix = ServiceGraphProperties.PREFIX, ignoreUnknownFields = false)
public class ServiceGraphProperties {

	public static final String PREFIX = "sightline.service-graph";

	/**
	 * Whether to record service-graph edges on the server side of every inbound HTTP request and
	 * consumed Kafka record: sightline_service_graph_requests_total and
	 * sightline_service_graph_request_duration_seconds, labelled client, server, connection_type
	 * (http or messaging) and failed. The client is the W3C baggage entry sightline.caller that the
	 * calling service sets; Sightline services set it to their own name on each inbound request and
	 * consumed record (and on produced records), so a service map can be drawn from metrics alone.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
