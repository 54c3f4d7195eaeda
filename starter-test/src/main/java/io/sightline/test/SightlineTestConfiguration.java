package io.sightline.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers a {@link CapturedSpans} bean, which Spring Boot's Brave auto-configuration adds to the
 * tracer's span handlers. Import it with {@code @Import(SightlineTestConfiguration.class)} or
 * {@link AutoConfigureSightlineTest @AutoConfigureSightlineTest}.
 *
 * <p>A {@link TestConfiguration}, so an application's component scan never picks it up by accident.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SightlineTestConfiguration {

	/**
	 * @return the span capture, ordered after the starter's identity and redaction handler (see
	 * {@link CapturedSpans#getOrder()})
	 */
	@Bean
	public CapturedSpans sightlineCapturedSpans() {
		return new CapturedSpans();
	}

}
