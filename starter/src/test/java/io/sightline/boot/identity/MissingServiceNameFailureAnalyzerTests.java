package io.sightline.boot.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MissingServiceNameFailureAnalyzerTests {

	@Test
	void reportNamesThePropertyAndShowsTheFix() {
		FailureAnalysis analysis = new MissingServiceNameFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", new MissingServiceNameException()));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("spring.application.name");
		assertThat(analysis.getAction()).contains("spring.application.name=");
	}

}
