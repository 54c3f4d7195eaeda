package io.sightline.overhead.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service the overhead harness measures. The same code runs bare (this module's jar) and with the
 * Sightline starter (module overhead-app-sightline); only the class path and the JVM options differ.
 */
@SpringBootApplication
public class OverheadApplication {

	public static void main(String[] args) {
		SpringApplication.run(OverheadApplication.class, args);
	}

}
