package io.sightline.boot.slo;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.sightline.boot.metrics.MetricsProperties;
import io.sightline.boot.metrics.SightlineMetricsAutoConfiguration;
import io.sightline.slo.spec.SloSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * In-process SLO burn rates: reads the service's own SLO spec ({@code sightline.slo.spec}, by default
 * {@code classpath:slo/<spring.application.name>.yml}) with the rule generator's reader and computes the
 * same error ratios and burn rates from Micrometer over the page windows (5m, 1h), as the
 * {@code sightline.slo.burn.rate} and {@code sightline.slo.error.ratio} gauges and the {@code slo} health
 * component. Backs off when there is no spec; fails startup when it is invalid.
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
		SightlineMetricsAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "sightline.slo.enabled", matchIfMissing = true)
@Conditional(OnSloSpecCondition.class)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties({ SloProperties.class, MetricsProperties.class })
public class SloAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SloAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SloMonitor sloMonitor(MeterRegistry registry, SloProperties slo, MetricsProperties metrics, Environment environment,
			ResourceLoader resourceLoader) {
		String location = SloSpecLoader.location(environment, slo.getSpec());
		SloSpec spec = SloSpecLoader.load(resourceLoader, location, metrics.getSloBuckets());
		String application = environment.getProperty("spring.application.name");
		if (application != null && !application.equals(spec.service())) {
			logger.warn("The SLO spec {} is for service '{}' but spring.application.name is '{}'; the generated "
					+ "Prometheus rules select application=\"{}\"", location, spec.service(), application,
					spec.service());
		}
		logger.debug("In-process SLO burn rates from {}: {} SLOs, sampled every {}", location, spec.slos().size(),
				slo.getSampleInterval());
		return new SloMonitor(registry, spec, slo.getPeriod(), slo.getSampleInterval(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("slo")
	static class SloHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sloHealthIndicator")
		SloHealthIndicator sloHealthIndicator(SloMonitor monitor) {
			return new SloHealthIndicator(monitor);
		}

	}

}
