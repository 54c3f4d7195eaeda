package io.sightline.boot.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published BOM has no parent (users import it without inheriting our build), so it repeats two
 * versions of the root pom; this keeps the copies equal.
 */
class BomVersionsTests {

	@ParameterizedTest
	@ValueSource(strings = { "opentelemetry-javaagent.version", "logstash-logback-encoder.version" })
	void bomPinsTheRootPomsVersion(String property) throws Exception {
		assertThat(property(Path.of("..", "bom", "pom.xml"), property)).as(property)
			.isEqualTo(property(Path.of("..", "pom.xml"), property));
	}

	private static String property(Path pom, String name) throws Exception {
		Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
		assertThat(matcher.find()).as("%s in %s", name, pom).isTrue();
		return matcher.group(1).trim();
	}

}
