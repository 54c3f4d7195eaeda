package io.sightline.boot.logging;

import ch.qos.logback.classic.LoggerContext;
import io.sightline.boot.SightlineProperties;
import io.sightline.boot.identity.IdentityResolver;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.identity.StartupIdentity;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Resolves the identity once, right after Spring Boot has initialised logging, applies Sightline's
 * Logback setup, and later hands that same identity to the application context.
 */
public class SightlineLoggingApplicationListener implements GenericApplicationListener {

	/** Just after Boot's LoggingApplicationListener, so the Logback context is ready to amend. */
	public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;

	private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			SightlineLoggingApplicationListener.class.getClassLoader());

	private SightlineIdentity identity;

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationPreparedEvent.class.isAssignableFrom(type));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			onEnvironmentPrepared(prepared);
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.identity != null
				&& !prepared.getApplicationContext().getBeanFactory().containsSingleton(StartupIdentity.BEAN_NAME)) {
			prepared.getApplicationContext()
				.getBeanFactory()
				.registerSingleton(StartupIdentity.BEAN_NAME, new StartupIdentity(this.identity));
		}
	}

	private void onEnvironmentPrepared(ApplicationEnvironmentPreparedEvent event) {
		SightlineProperties properties = SightlineProperties.bind(event.getEnvironment());
		SpringApplication application = event.getSpringApplication();
		this.identity = IdentityResolver.resolve(event.getEnvironment(), properties.identity(), application.getClassLoader(),
				application.getMainApplicationClass());
		LogRedaction.install(properties.redaction().toSettings().toPolicy().build());
		if (properties.logging().isEnabled() && LOGBACK_PRESENT) {
			ILoggerFactory factory = LoggerFactory.getILoggerFactory();
			if (factory instanceof LoggerContext context) {
				LogbackConfigurer.configure(context, this.identity, properties.logging());
			}
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
