package io.sightline.demo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's pager: Alertmanager's webhook receiver. Every alert it is notified of is logged as one
 * line (what fired, for which service and SLO, and the runbook), and kept, the newest
 * {@value #KEPT}, for tests that measure time to detect.
 */
public final class AlertWebhookReceiver implements AutoCloseable {

	static final int KEPT = 1000;

	/** Alertmanager's notifications are small; anything bigger is not one. */
	private static final int MAX_BODY = 1 << 20;

	private static final Logger logger = LoggerFactory.getLogger(AlertWebhookReceiver.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "alert-webhook");
		thread.setDaemon(true);
		return thread;
	});

	private final Deque<ReceivedAlert> alerts = new ArrayDeque<>();

	private AlertWebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static AlertWebhookReceiver start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		AlertWebhookReceiver receiver = new AlertWebhookReceiver(server);
		server.createContext("/alerts", receiver::handle);
		server.setExecutor(receiver.executor);
		server.start();
		return receiver;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readNBytes(MAX_BODY + 1);
			}
			if (body.length > MAX_BODY) {
				exchange.sendResponseHeaders(413, -1);
				return;
			}
			List<ReceivedAlert> received;
			try {
				received = parse(JSON.readTree(body), Instant.now());
			}
			catch (RuntimeException ex) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			for (ReceivedAlert alert : received) {
				logger.info("ALERT [{}] {} {} service={}{}: {} (runbook {})", alert.status(), alert.label("severity"),
						alert.name(), alert.label("service"),
						alert.label("sloth_slo").isEmpty() ? "" : " slo=" + alert.label("sloth_slo"),
						alert.annotation("summary"), alert.annotation("runbook_url"));
			}
			synchronized (this.alerts) {
				this.alerts.addAll(received);
				while (this.alerts.size() > KEPT) {
					this.alerts.removeFirst();
				}
			}
			exchange.sendResponseHeaders(200, -1);
		}
	}

	static List<ReceivedAlert> parse(JsonNode notification, Instant receivedAt) {
		List<ReceivedAlert> alerts = new ArrayList<>();
		for (JsonNode alert : notification.path("alerts")) {
			alerts.add(new ReceivedAlert(receivedAt, alert.path("status").asString(""), strings(alert.path("labels")),
					strings(alert.path("annotations"))));
		}
		return alerts;
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> values = new LinkedHashMap<>();
		object.properties().forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString("")));
		return values;
	}

	/** The alerts received so far, oldest first. */
	public List<ReceivedAlert> alerts() {
		synchronized (this.alerts) {
			return List.copyOf(this.alerts);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One alert of one notification.
	 *
	 * @param receivedAt when the notification arrived
	 * @param status firing or resolved
	 * @param labels its labels, alertname included
	 * @param annotations its annotations
	 */
	public record ReceivedAlert(Instant receivedAt, String status, Map<String, String> labels,
			Map<String, String> annotations) {

		public String name() {
			return label("alertname");
		}

		public String label(String name) {
			return this.labels.getOrDefault(name, "");
		}

		public String annotation(String name) {
			return this.annotations.getOrDefault(name, "");
		}

	}

}
