package io.sightline.boot.metrics.push;

import io.micrometer.core.ipc.http.HttpSender;

/**
 * Decorates a registry's {@link HttpSender}: every write request's outcome goes to a
 * {@link PushFailureTracker}. Requests and their results pass through unchanged, so the registry behaves
 * exactly as without it.
 */
public final class FailureCountingHttpSender implements HttpSender {

	private final HttpSender delegate;

	private final PushFailureTracker tracker;

	public FailureCountingHttpSender(HttpSender delegate, PushFailureTracker tracker) {
		this.delegate = delegate;
		this.tracker = tracker;
	}

	@Override
	public Response send(Request request) throws Throwable {
		long points = points(request);
		Response response;
		try {
			response = this.delegate.send(request);
		}
		catch (Throwable ex) {
			this.tracker.unreachable(points, ex);
			throw ex;
		}
		if (response.isSuccessful()) {
			this.tracker.succeeded();
		}
		else {
			this.tracker.rejected(points, response.code(), response.body());
		}
		return response;
	}

	/** Line-protocol lines in a write's body; other requests (database creation) carry none. */
	static long points(Request request) {
		byte[] entity = request.getEntity();
		if (entity == null || entity.length == 0 || !request.getUrl().getPath().endsWith("/write")) {
			return 0;
		}
		long lines = 1;
		for (int i = 0; i < entity.length - 1; i++) {
			if (entity[i] == '\n') {
				lines++;
			}
		}
		return lines;
	}

}
