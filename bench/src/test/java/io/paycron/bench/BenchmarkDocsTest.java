package io.paycron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDocsTest {

  @TempDir Path dir;

  @Test
  void aRunRewritesItsOwnSectionAndKeepsTheOthers() throws Exception {
    Path page = dir.resolve("benchmarks.md");
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.DRAIN, "## drain\n\nfirst drain\n"));
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.COMPARISON, "## side\n\nfirst side\n"));
    BenchmarkDocs.update(page, Map.of(BenchmarkDocs.COMPARISON, "## side\n\nsecond side\n"));

    String text = Files.readString(page);
    assertThat(text).contains("first drain").contains("second side").doesNotContain("first side");
    assertThat(text).contains("Not run yet: `./paycron bench --nodes 1,2,3");
    assertThat(text).contains("## Method");
    assertThat(text.indexOf("second side")).isLessThan(text.indexOf("first drain"));
  }

  @Test
  void chartAxesEndOnRoundNumbers() {
    assertThat(ExecutedOverTimeChart.niceCeiling(7)).isEqualTo(10);
    assertThat(ExecutedOverTimeChart.niceCeiling(200_000)).isEqualTo(200_000);
    assertThat(ExecutedOverTimeChart.niceCeiling(230_000)).isEqualTo(500_000);
    assertThat(ExecutedOverTimeChart.niceCeiling(1.2)).isEqualTo(2);
  }
}
