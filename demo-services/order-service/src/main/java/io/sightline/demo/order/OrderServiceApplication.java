package io.sightline.demo.order;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * order-service: orders over REST, kept in a database, and the order saga over Kafka. Packages:
 * {@code domain} (the order and its state machine, no Spring), {@code application} (use cases and the
 * ports they need), and the adapters {@code web}, {@code persistence}, {@code messaging} and
 * {@code tracing}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

	/** The time source of the domain; a bean so tests could replace it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Starts the service.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
