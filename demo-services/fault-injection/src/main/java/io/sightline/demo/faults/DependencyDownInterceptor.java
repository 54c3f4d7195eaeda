package io.sightline.demo.faults;

import java.io.IOException;
import java.net.ConnectException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * For a RestClient that calls one named dependency: while that dependency is marked down, calls fail
 * as a refused connection would, before anything is sent.
 */
public class DependencyDownInterceptor implements ClientHttpRequestInterceptor {

	private final FaultInjector injector;

	private final String dependency;

	public DependencyDownInterceptor(FaultInjector injector, String dependency) {
		this.injector = injector;
		this.dependency = dependency;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.injector.isDown(this.dependency)) {
			throw new ConnectException(this.dependency + " is down (injected fault)");
		}
		return execution.execute(request, body);
	}

}
