package io.sightline.demo.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * payment-service: consumes {@code OrderPlaced}, authorizes or declines the payment, and publishes a
 * {@code PaymentResult} for the order saga.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentServiceApplication.class, args);
	}

}
