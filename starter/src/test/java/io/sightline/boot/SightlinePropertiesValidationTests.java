package io.sightline.boot;

import io.sightline.boot.identity.IdentityAutoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad value fails startup, and the failure names the property. */
class SightlinePropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class))
		.withPropertyValues("spring.application.name=orders");

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "sightline.metrics.max-series-per-meter;0",
			"sightline.metrics.slo-buckets;-5ms", "sightline.logging.max-message-length;-1",
			"sightline.logging.max-stack-trace-length;0", "sightline.logging.logstash.ring-buffer-size;1000",
			"sightline.logging.logstash.reconnection-delay;0s", "sightline.logging.logstash.connect-timeout;-1s",
			"sightline.logging.logstash.write-timeout;-1s", "sightline.logging.logstash.keep-alive;-1s",
			"sightline.logging.file.max-history;-1", "sightline.logging.file.max-file-size;lots",
			"sightline.slo.sample-interval;0s", "sightline.slo.period;1d", "sightline.slo.spec;' '" })
	void badValueFailsNamingTheProperty(String property, String value) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(property);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "sightline.events.influx.batch-size;0", "sightline.events.influx.url;localhost",
			"sightline.events.influx.flush-interval;0s" })
	void badValueOfAnEnabledConcernFailsNamingTheProperty(String property, String value) {
		this.runner.withPropertyValues("sightline.events.influx.enabled=true", property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(property);
		});
	}

	/** Each concern binds its own prefix; a key that none declares fails, whichever level it is at. */
	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "sightline.enviroment;prod", "sightline.release.idd;r-1",
			"sightline.metric.max-series-per-meter;10", "sightline.metrics.max-series;10",
			"sightline.logging.logstash.destination;127.0.0.1:4560", "sightline.tracing.mod;agent",
			"sightline.redaction.card-number;false", "sightline.slo.specs;classpath:x.yml",
			"sightline.service-graph.enable;false", "sightline.events.influx.urll;http://localhost:8086" })
	void unknownKeyFailsNamingIt(String property, String value) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(property);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "sightline.logging.logstash.ring-buffer-size;1024",
			"sightline.logging.file.max-file-size;512KB", "sightline.logging.logstash.keep-alive;0s" })
	void goodValuesPass(String property, String value) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> assertThat(context).hasNotFailed());
	}

}
