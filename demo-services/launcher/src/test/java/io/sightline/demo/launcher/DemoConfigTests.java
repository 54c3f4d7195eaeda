package io.sightline.demo.launcher;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoConfigTests {

	@Test
	void standardPortsAreTheDocumentedOnesAndNeverCollide() {
		DemoConfig config = DemoConfig.standard(Path.of("lib"), Path.of("run"), true);
		Set<Integer> ports = new HashSet<>();
		for (DemoService service : DemoService.values()) {
			ports.add(config.port(service));
			ports.add(config.managementPort(service));
		}
		ports.add(config.zipkinPort());
		ports.add(config.kafkaPort());
		ports.add(config.kafkaControllerPort());
		ports.add(config.prometheusPort());
		ports.add(config.alertmanagerPort());
		assertThat(ports).hasSize(13);
		assertThat(config.port(DemoService.GATEWAY)).isEqualTo(8080);
		assertThat(config.port(DemoService.INVENTORY)).isEqualTo(8083);
		assertThat(config.kafkaPort()).isEqualTo(9092);
		assertThat(config.zipkinPort()).isEqualTo(9411);
	}

}
