package io.sightline.boot.redaction;

import io.sightline.boot.logging.LogRedaction;
import io.sightline.redaction.RedactionPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One {@link RedactionPolicy} for log events and span attributes. */
@AutoConfiguration
@EnableConfigurationProperties(RedactionProperties.class)
public class RedactionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedactionPolicy sightlineRedactionPolicy(RedactionProperties properties,
			ObjectProvider<RedactionPolicyCustomizer> customizers) {
		RedactionPolicy.Builder builder = properties.toSettings().toPolicy();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	/** Log encoders started before the context; give them the context's policy, whoever defined it. */
	@Bean
	SmartInitializingSingleton sightlineLogRedactionInstaller(RedactionPolicy policy) {
		return () -> LogRedaction.install(policy);
	}

}
