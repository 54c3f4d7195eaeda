package io.sightline.boot.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.sightline.boot.identity.MissingServiceNameException;
import io.sightline.identity.SightlineIdentity;
import io.sightline.boot.identity.StartupIdentity;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full SpringApplication runs: the listener amends Boot's Logback setup and shares the identity. */
@ExtendWith(OutputCaptureExtension.class)
class SightlineLoggingApplicationListenerTests {

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	private static Logger root() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Test
	void consoleBecomesEcsJsonAndIdentityIsResolvedOnce() {
		try (ConfigurableApplicationContext context = run("--spring.application.name=listener-test",
				"--sightline.release.id=r-9")) {
			Appender<ILoggingEvent> console = root().getAppender("CONSOLE");
			assertThat(console).isInstanceOf(OutputStreamAppender.class);
			assertThat(((OutputStreamAppender<ILoggingEvent>) console).getEncoder())
				.isInstanceOf(LoggingEventCompositeJsonEncoder.class);
			SightlineIdentity identity = context.getBean(SightlineIdentity.class);
			assertThat(identity.releaseId()).isEqualTo("r-9");
			assertThat(context.getBean(StartupIdentity.class).identity()).isSameAs(identity);
			assertThat(root().getAppender(LogbackConfigurer.LOGSTASH_APPENDER)).isNull();
		}
	}

	@Test
	void userIdentityBeanReplacesTheAutoConfiguredOneWithoutAmbiguity() {
		SpringApplication application = new SpringApplication(Empty.class, UserIdentity.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.application.name=listener-test")) {
			assertThat(context.getBean(SightlineIdentity.class).serviceName()).isEqualTo("custom");
			// beans that take the identity (common tags, info) resolve a single candidate
			assertThat(context.getBeansOfType(SightlineIdentity.class)).hasSize(1);
		}
	}

	@Test
	void textConsoleKeepsBootsPattern() {
		try (ConfigurableApplicationContext context = run("--spring.application.name=listener-test",
				"--sightline.logging.console=text")) {
			OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root()
				.getAppender("CONSOLE");
			assertThat(console.getEncoder()).isNotInstanceOf(LoggingEventCompositeJsonEncoder.class);
		}
	}

	@Test
	void textConsoleIsRedactedAndCannotForgeLines(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--spring.application.name=listener-test",
				"--sightline.logging.console=text")) {
			org.slf4j.Logger logger = LoggerFactory.getLogger("text.test");
			logger.info("card 4111 1111 1111 1111\r\nFAKE ERROR line");
			logger.warn("failed", new IllegalStateException("password=hunter2-text"));
		}
		assertThat(output.getOut()).contains("card [REDACTED]\\r\\nFAKE ERROR line")
			.doesNotContain("4111 1111 1111 1111")
			.doesNotContain("hunter2-text")
			.contains("java.lang.IllegalStateException: password=[REDACTED]");
	}

	@Test
	void logstashDestinationsAddANonBlockingTcpAppender() {
		try (ConfigurableApplicationContext context = run("--spring.application.name=listener-test",
				"--sightline.logging.logstash.destinations=127.0.0.1:1")) {
			Appender<ILoggingEvent> appender = root().getAppender(LogbackConfigurer.LOGSTASH_APPENDER);
			assertThat(appender).isInstanceOf(LogstashTcpSocketAppender.class);
			assertThat(((LogstashTcpSocketAppender) appender).getAppendTimeout().getMilliseconds()).isZero();
		}
	}

	@Test
	void rollingFileGetsEcsJsonLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.nio.file.Path file = dir.resolve("app.log");
		try (ConfigurableApplicationContext context = run("--spring.application.name=listener-test",
				"--sightline.logging.file.path=" + file)) {
			LoggerFactory.getLogger("file.test").info("to the file");
		}
		assertThat(java.nio.file.Files.readAllLines(file)).anySatisfy((line) -> assertThat(line)
			.startsWith("{\"@timestamp\"")
			.contains("\"message\":\"to the file\"")
			.contains("\"service.name\":\"listener-test\""));
	}

	@Test
	void invalidRingBufferFailsStartupNamingTheProperty() {
		assertThatThrownBy(() -> run("--spring.application.name=listener-test",
				"--sightline.logging.logstash.destinations=127.0.0.1:1",
				"--sightline.logging.logstash.ring-buffer-size=100"))
			.hasStackTraceContaining("sightline.logging.logstash.ring-buffer-size")
			.hasStackTraceContaining("power of 2");
	}

	@Test
	void missingServiceNameFailsStartupWithAClearMessage() {
		assertThatThrownBy(() -> run()).isInstanceOf(MissingServiceNameException.class)
			.hasMessageContaining("spring.application.name");
	}

	@Test
	void unknownSightlinePropertyFailsStartup() {
		assertThatThrownBy(() -> run("--spring.application.name=listener-test", "--sightline.logging.consol=text"))
			.hasStackTraceContaining("sightline.logging.consol");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Empty {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIdentity {

		@org.springframework.context.annotation.Bean
		SightlineIdentity customIdentity() {
			return new SightlineIdentity("custom", "e", "v", "r", "i");
		}

	}

}
