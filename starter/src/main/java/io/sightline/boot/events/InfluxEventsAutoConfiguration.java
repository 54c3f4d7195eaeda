package io.sightline.boot.events;

import com.influxdb.client.InfluxDBClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sightline.boot.identity.IdentityAutoConfiguration;
import io.sightline.identity.SightlineIdentity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deployment events written to InfluxDB (or anything that accepts the Influx v2 write protocol, such as
 * VictoriaMetrics) with influxdb-client-java: release started/stopped, Resilience4j circuit-breaker
 * transitions, and health status changes. Opt in with {@code sightline.events.influx.enabled=true}.
 */
@AutoConfiguration(after = IdentityAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration" })
@ConditionalOnClass({ InfluxDBClient.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "sightline.events.influx.enabled")
@EnableConfigurationProperties(EventsProperties.class)
public class InfluxEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InfluxEventWriter sightlineInfluxEventWriter(EventsProperties properties, SightlineIdentity identity,
			ObjectProvider<MeterRegistry> registry) {
		return new InfluxEventWriter(properties.getInflux(), identity,
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnMissingBean
	ReleaseEventListener sightlineReleaseEventListener(InfluxEventWriter writer, SightlineIdentity identity) {
		return new ReleaseEventListener(writer, identity);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CircuitBreakerRegistry.class)
	static class CircuitBreakerEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerEventBinder sightlineCircuitBreakerEventBinder(InfluxEventWriter writer,
				ObjectProvider<CircuitBreakerRegistry> registry) {
			return new CircuitBreakerEventBinder(writer, registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpoint.class)
	static class HealthEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HealthStatusEventPoller sightlineHealthStatusEventPoller(InfluxEventWriter writer,
				ObjectProvider<HealthEndpoint> endpoint, EventsProperties properties) {
			return new HealthStatusEventPoller(writer, () -> {
				HealthEndpoint health = endpoint.getIfAvailable();
				HealthDescriptor descriptor = (health != null) ? health.health() : null;
				return (descriptor != null && descriptor.getStatus() != null) ? descriptor.getStatus().getCode() : null;
			}, properties.getInflux().getHealthInterval());
		}

	}

}
