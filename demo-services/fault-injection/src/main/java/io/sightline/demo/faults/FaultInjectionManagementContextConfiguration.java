package io.sightline.demo.faults;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;

/**
 * The fault controller lives in the management server's own context: it exists only when
 * {@code management.server.port} differs from the application's port, so it is never public.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class FaultInjectionManagementContextConfiguration {

	@Bean
	FaultController sightlineDemoFaultController(FaultInjector injector) {
		return new FaultController(injector);
	}

}
