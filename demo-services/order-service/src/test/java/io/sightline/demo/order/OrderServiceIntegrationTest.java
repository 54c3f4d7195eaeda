package io.sightline.demo.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole service on a random port, against an embedded KRaft broker and in-memory H2. Every test
 * class with this annotation shares one application context and so one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				// short enough for a quick timeout test, long enough that the other sagas finish first
				"demo.saga.timeout=3s", "demo.saga.sweep-interval=200ms",
				// no Zipkin in these tests: spans are still made (trace ids in logs and headers), not sent
				"management.tracing.export.zipkin.enabled=false",
				// the embedded broker logs thousands of INFO lines; its warnings are enough here
				"logging.level.kafka=warn", "logging.level.org.apache.kafka=warn" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface OrderServiceIntegrationTest {

}
