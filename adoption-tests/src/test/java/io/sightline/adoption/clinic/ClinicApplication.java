package io.sightline.adoption.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small third-party-style app, written as its authors would without Sightline in mind: Spring MVC,
 * Spring Data JPA on Hibernate, an embedded H2 filled by schema.sql and data.sql, and an endpoint that
 * throws. It adopts Sightline exactly as the README says (the BOM, the starter,
 * {@code spring.application.name}); the tests add nothing but where traces go.
 */
@SpringBootApplication
public class ClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClinicApplication.class, args);
	}

}
