package io.sightline.overhead;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTests {

	@TempDir
	Path dir;

	@Test
	void replacesOnlyTheTextBetweenTheMarkers() throws Exception {
		Path doc = this.dir.resolve("benchmarks.md");
		Files.writeString(doc, "# Benchmarks\n\nJMH table\n\n" + ReportWriter.BEGIN + "\nold figures\n" + ReportWriter.END
				+ "\n\n## Later section\n");
		ReportWriter.writeInto(doc, "new figures\n");
		assertThat(Files.readString(doc)).isEqualTo("# Benchmarks\n\nJMH table\n\n" + ReportWriter.BEGIN + "\nnew figures\n"
				+ ReportWriter.END + "\n\n## Later section\n");
	}

	@Test
	void appendsTheSectionWhenTheMarkersAreMissing() throws Exception {
		Path doc = this.dir.resolve("benchmarks.md");
		Files.writeString(doc, "# Benchmarks\n");
		ReportWriter.writeInto(doc, "figures\n");
		assertThat(Files.readString(doc)).isEqualTo("# Benchmarks\n\n" + ReportWriter.SECTION_HEADING + "\n\n"
				+ ReportWriter.BEGIN + "\nfigures\n" + ReportWriter.END + "\n");
	}

}
